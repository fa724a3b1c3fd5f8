using System.Text.RegularExpressions;
using MlValue.Cleaning;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class CleaningRulesTests
{
    private static CleaningResult<Row> Run(CleaningRules<Row> rules, params Row?[] rows) => rules.Build().Clean(rows);

    [TestMethod]
    public void NotEmpty_NullEmptyAndWhitespace_AreQuarantinedWithReason()
    {
        var result = Run(CleaningRules<Row>.Create().NotEmpty(r => r.Name), new() { Name = "ok" }, new() { Name = null }, new() { Name = "" }, new() { Name = " \t" });

        Assert.HasCount(1, result.Clean);
        CollectionAssert.AreEqual(new[] { "Name is null", "Name is empty or whitespace: \"\"", "Name is empty or whitespace: \" \\t\"" }, result.Quarantine.Select(q => q.Reason).ToArray());
        Assert.IsTrue(result.Quarantine.All(q => q.Rule == "not-empty(Name)"));
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, result.Quarantine.Select(q => q.Position).ToArray());
    }

    [TestMethod]
    public void NotNull_NullValue_IsQuarantined()
    {
        var result = Run(CleaningRules<Row>.Create().NotNull(r => r.Label), new() { Label = "a" }, new() { Label = null });

        Assert.AreEqual("Label is null", result.Quarantine.Single().Reason);
    }

    [TestMethod]
    [DataRow(double.NaN, "Score is NaN (not a number); expected a number in [0, 10]")]
    [DataRow(double.PositiveInfinity, "Score is +Infinity; expected a finite number in [0, 10]")]
    [DataRow(double.NegativeInfinity, "Score is -Infinity; expected a finite number in [0, 10]")]
    [DataRow(-0.5, "Score is -0.5, below the minimum 0")]
    [DataRow(10.25, "Score is 10.25, above the maximum 10")]
    public void Range_BadNumber_IsQuarantinedWithItsOwnReason(double score, string reason)
    {
        var result = Run(CleaningRules<Row>.Create().Range(r => r.Score, 0.0, 10.0), new() { Score = 0 }, new() { Score = 10 }, new() { Score = score });

        Assert.HasCount(2, result.Clean);
        Assert.AreEqual(reason, result.Quarantine.Single().Reason);
    }

    [TestMethod]
    public void Range_OnIntegers_ChecksBounds()
    {
        var result = Run(CleaningRules<Row>.Create().Range(r => r.Count, 1, 3), new() { Count = 1 }, new() { Count = 4 });

        Assert.AreEqual("Count is 4, above the maximum 3", result.Quarantine.Single().Reason);
    }

    [TestMethod]
    public void OneOf_UnknownAndNull_AreQuarantined()
    {
        var result = Run(CleaningRules<Row>.Create().OneOf(r => r.Label, ["spam", "ham"]), new() { Label = "ham" }, new() { Label = "Spam" }, new() { Label = null });

        CollectionAssert.AreEqual(new[] { "Label is \"Spam\", not one of {\"ham\", \"spam\"}", "Label is null, not one of {\"ham\", \"spam\"}" }, result.Quarantine.Select(q => q.Reason).ToArray());
    }

    [TestMethod]
    public void Matches_NonMatchingValue_IsQuarantinedNamingThePattern()
    {
        var result = Run(CleaningRules<Row>.Create().Matches(r => r.Key, new Regex("^[a-z]+-[0-9]+$", RegexOptions.None, TimeSpan.FromSeconds(1))), new() { Key = "abc-12" }, new() { Key = "ABC 12" });

        Assert.AreEqual("Key is \"ABC 12\", which does not match /^[a-z]+-[0-9]+$/", result.Quarantine.Single().Reason);
    }

    [TestMethod]
    public void MaxLength_HugeValue_IsQuarantinedWithAbbreviatedValue()
    {
        var huge = new string('x', 100_000);
        var result = Run(CleaningRules<Row>.Create().MaxLength(r => r.Name, 10), new() { Name = "short" }, new() { Name = huge });

        var reason = result.Quarantine.Single().Reason;
        Assert.AreEqual($"Name has 100000 characters, more than the maximum 10: \"{new string('x', 40)}\"… (100000 chars)", reason);
    }

    [TestMethod]
    public void UniqueBy_Duplicates_KeepFirstAndNameItsPosition()
    {
        var rows = new Row[] { new() { Key = "a" }, new() { Key = "b" }, new() { Key = "a" }, new() { Key = null }, new() { Key = null } };
        var result = CleaningRules<Row>.Create().UniqueBy(r => r.Key!).Build().Clean(rows, (_, i) => $"rows.jsonl:{i + 1}");

        Assert.AreSame(rows[0], result.Clean[0]);
        var entry = result.Quarantine.Single();
        Assert.AreEqual("rows.jsonl:3", entry.Position);
        Assert.AreEqual("duplicate Key \"a\"; first seen at rows.jsonl:1", entry.Reason);
    }

    [TestMethod]
    public void UniqueBy_FirstOccurrenceRejectedByLaterRule_KeepsTheNextOne()
    {
        var rows = new Row[] { new() { Key = "a", Score = -1 }, new() { Key = "a", Score = 1 } };
        var result = Run(CleaningRules<Row>.Create().UniqueBy(r => r.Key!).Range(r => r.Score, 0.0, 5.0), rows);

        Assert.AreSame(rows[1], result.Clean.Single());
        Assert.AreEqual("range(Score)", result.Quarantine.Single().Rule);
    }

    [TestMethod]
    public void Must_FalsePredicate_UsesNameAndReason()
    {
        var result = Run(CleaningRules<Row>.Create().Must("score-matches-count", r => r.Score <= r.Count, r => $"Score {r.Score} exceeds Count {r.Count}"), new Row { Score = 3, Count = 2 });

        Assert.AreEqual("score-matches-count", result.Quarantine.Single().Rule);
        Assert.AreEqual("Score 3 exceeds Count 2", result.Quarantine.Single().Reason);
    }

    [TestMethod]
    public void Clean_ThrowingPredicate_IsQuarantinedNotThrown()
    {
        var result = Run(CleaningRules<Row>.Create().Must("name-long", r => r.Name!.Length > 2, _ => "short"), new() { Name = "abc" }, new() { Name = null });

        StringAssert.StartsWith(result.Quarantine.Single().Reason, "name-long threw NullReferenceException");
        Assert.HasCount(1, result.Clean);
    }

    [TestMethod]
    public void Clean_NullRecord_IsQuarantinedUnderRecordNotNull()
    {
        var result = Run(CleaningRules<Row>.Create().NotEmpty(r => r.Name), new Row { Name = "a" }, null);

        Assert.AreEqual(CleaningReport.NullRecordRule, result.Quarantine.Single().Rule);
        Assert.AreEqual(1, result.Report.NullRecords);
    }

    [TestMethod]
    public void Clean_FirstBrokenRuleWins_AndLaterRulesAreNotEvaluated()
    {
        var result = Run(CleaningRules<Row>.Create().NotEmpty(r => r.Name).Range(r => r.Score, 0.0, 1.0), new Row { Name = "", Score = 5 });

        Assert.AreEqual("not-empty(Name)", result.Quarantine.Single().Rule);
        Assert.AreEqual(0, result.Report.Rules[1].Evaluated);
    }

    [TestMethod]
    public void Clean_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => CleaningRules<Row>.Create().Build().Clean([new Row()], null, cancel.Token));
    }

    [TestMethod]
    public void Create_DuplicateName_ThrowsNamingIt()
    {
        var error = Assert.ThrowsExactly<CleaningException>(() => CleaningRules<Row>.Create().NotEmpty(r => r.Name).NotEmpty(r => r.Name));

        StringAssert.Contains(error.Message, "'not-empty(Name)'");
    }

    [TestMethod]
    public void Range_MinAboveMax_Throws()
        => Assert.ThrowsExactly<CleaningException>(() => CleaningRules<Row>.Create().Range(r => r.Score, 2.0, 1.0));

    [TestMethod]
    public void OneOf_NoAllowedValue_Throws()
        => Assert.ThrowsExactly<CleaningException>(() => CleaningRules<Row>.Create().OneOf(r => r.Label, []));

    [TestMethod]
    public void Must_EmptyName_Throws()
        => Assert.ThrowsExactly<CleaningException>(() => CleaningRules<Row>.Create().Must(" ", _ => true, _ => "x"));
}
