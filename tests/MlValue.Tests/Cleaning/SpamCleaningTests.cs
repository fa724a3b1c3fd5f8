using MlValue.Cleaning;
using MlValue.Tests.Support;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class SpamCleaningTests
{
    /// <summary>Copies of the fixture's messages, because transforms change records in place.</summary>
    internal static List<SpamMessage> FreshMessages() => [.. SpamFixture.All.Select(m => new SpamMessage
    {
        Id = m.Id, Group = m.Group, Label = m.Label, Date = m.Date, From = m.From, Subject = m.Subject, Body = m.Body, Raw = m.Raw,
    })];

    private static CleaningResult<SpamMessage> CleanFixture()
    {
        // begin-snippet: cleaning-spam
        var cleaner = CleaningRules<SpamMessage>.Create()
            .NormalizeText(m => m.Subject)
            .ParseTimestamp(m => m.Date, TimestampParsing.Rfc2822(
                new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2003, 12, 31, 23, 59, 59, TimeSpan.Zero)))
            .NotEmpty(m => m.Body)
            .OneOf(m => m.Label, ["spam", "ham"])
            .MaxLength(m => m.Subject, 500)
            .UniqueBy(m => m.Body)
            .Build();

        CleaningResult<SpamMessage> result = cleaner.Clean(
            FreshMessages(),
            positionOf: (_, index) => $"spamassassin-sample.jsonl:{index + 1}");
        // end-snippet
        return result;
    }

    [TestMethod]
    public void Clean_SpamFixture_QuarantinesBadDatesAndDuplicateBodies()
    {
        var result = CleanFixture();

        Assert.AreEqual(279, result.Clean.Count + result.Quarantine.Count);
        var dates = result.Quarantine.Where(q => q.Rule == "timestamp(Date)").ToList();
        Assert.AreEqual(10, dates.Count(q => q.Reason.Contains("outside the valid range", StringComparison.Ordinal)), "the nine years 0102 and the one 2028");
        Assert.IsTrue(dates.Any(q => q.Reason.Contains("\"2002/09/14 Sat 02:29:32 CDT\" matches none", StringComparison.Ordinal)));
        Assert.IsTrue(dates.Any(q => q.Reason.Contains("not a real UTC offset", StringComparison.Ordinal)));
        Assert.IsGreaterThan(0, result.Quarantine.Count(q => q.Rule == "unique(Body)"));
        Assert.IsTrue(result.Clean.All(m => m.Date.StartsWith("200", StringComparison.Ordinal) && m.Date[4] == '-'));
        Assert.AreEqual(result.Clean.Count, result.Clean.Select(m => m.Body).Distinct(StringComparer.Ordinal).Count());
    }

    [TestMethod]
    public void Report_SpamFixture_ReadsAsDocumentation()
        => Snapshot.Verify("# Cleaning the SpamAssassin fixture\n\n" + CleanFixture().Report.ToMarkdown());

    [TestMethod]
    public void Quarantine_SpamFixture_ReadsAsDocumentation()
        => Snapshot.Verify("# Quarantine of the SpamAssassin fixture\n\n" + CleanFixture().Quarantine.ToMarkdown());
}
