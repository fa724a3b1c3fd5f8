using MlValue.Cleaning;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class CleaningTransformsTests
{
    private static readonly TimestampParsing Iso2020s = new(["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:sszzz"], new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public void NormalizeText_ComposesUnicodeAndCollapsesWhitespace_CountsOnlyChanges()
    {
        var rows = new Row[] { new() { Name = "Cafe\u0301  au\tlait\n" }, new() { Name = "already clean" }, new() { Name = null } };
        var result = CleaningRules<Row>.Create().NormalizeText(r => r.Name).Build().Clean(rows);

        Assert.AreEqual("Caf\u00e9 au lait", rows[0].Name);
        Assert.AreEqual(1, result.Report.Transforms.Single().Changed);
        Assert.AreEqual(3, result.Report.Transforms.Single().Evaluated);
        Assert.HasCount(3, result.Clean);
    }

    [TestMethod]
    public void Trim_RunsBeforeRules_SoWhitespaceOnlyBecomesEmpty()
    {
        var rows = new Row[] { new() { Name = "  a  " }, new() { Name = "   " } };
        var result = CleaningRules<Row>.Create().Trim(r => r.Name).MaxLength(r => r.Name, 1).NotEmpty(r => r.Name).Build().Clean(rows);

        Assert.AreEqual("a", result.Clean.Single().Name);
        Assert.AreEqual("Name is empty or whitespace: \"\"", result.Quarantine.Single().Reason);
        Assert.AreEqual(2, result.Report.Transforms[0].Changed);
    }

    [TestMethod]
    public void ParseTimestamp_RewritesToIso_AndQuarantinesUnparseableAndOutOfRange()
    {
        var rows = new Row[] { new() { Key = "2021-03-04" }, new() { Key = "04/03/2021" }, new() { Key = "2035-01-01" }, new() { Key = "" } };
        var result = CleaningRules<Row>.Create().ParseTimestamp(r => r.Key, Iso2020s).Build().Clean(rows);

        Assert.AreEqual("2021-03-04T00:00:00+00:00", result.Clean.Single().Key);
        CollectionAssert.AreEqual(
            new[]
            {
                "Key \"04/03/2021\" matches none of the formats 'yyyy-MM-dd', 'yyyy-MM-dd'T'HH:mm:sszzz'",
                "Key \"2035-01-01\" is 2035-01-01T00:00:00+00:00, outside the valid range 2020-01-01T00:00:00+00:00 .. 2029-12-31T00:00:00+00:00",
                "Key is \"\", not a timestamp",
            },
            result.Quarantine.Select(q => q.Reason).ToArray());
        Assert.AreEqual(3, result.Report.Transforms.Single().Rejected);
        Assert.AreEqual(1, result.Report.Transforms.Single().Changed);
    }

    [TestMethod]
    public void ParseTimestamp_WithStore_GivesTheValueAndLeavesTheString()
    {
        var parsed = new List<DateTimeOffset>();
        var rows = new Row[] { new() { Key = "2024-02-29" } };
        CleaningRules<Row>.Create().ParseTimestamp(r => r.Key, Iso2020s, (_, value) => parsed.Add(value)).Build().Clean(rows);

        Assert.AreEqual(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), parsed.Single());
        Assert.AreEqual("2024-02-29", rows[0].Key);
    }

    [TestMethod]
    [DataRow("Thu, 22 Aug 2002 18:26:25 +0700", "2002-08-22T18:26:25+07:00")]
    [DataRow("Fri, 23 Aug 2002 11:40:46 -0400 (EDT)", "2002-08-23T11:40:46-04:00")]
    [DataRow("6 Sep 2002 11:38 GMT", "2002-09-06T11:38:00+00:00")]
    [DataRow("Mon, 2 Sep 2002 09:01:02 PDT", "2002-09-02T09:01:02-07:00")]
    [DataRow("Thu, 22 Aug 0102 12:07:35 +0800", "0102-08-22T12:07:35+08:00")]
    [DataRow("22 Sep 02 15:51:31 -0000", "2002-09-22T15:51:31+00:00")]
    [DataRow("Wed, 29 May 2002 16:54:6 +0300", "2002-05-29T16:54:06+03:00")]
    [DataRow("Wed, 18 Sep 2002 01:11:54", "2002-09-18T01:11:54+00:00")]
    public void Rfc2822_MailDates_Parse(string header, string iso)
    {
        var row = new Row { Key = header };
        var result = CleaningRules<Row>.Create().ParseTimestamp(r => r.Key, TimestampParsing.Rfc2822(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Build().Clean([row]);

        Assert.HasCount(1, result.Clean, result.Quarantine.FirstOrDefault()?.Reason);
        Assert.AreEqual(iso, row.Key);
    }

    [TestMethod]
    [DataRow("Sun, 25 Aug 2002 06:08:23 -1900", "Key \"Sun, 25 Aug 2002 06:08:23 -1900\" has the zone -1900, which is not a real UTC offset (at most ±1400)")]
    [DataRow("2002/09/14 Sat 13:06:03 GMT", "Key \"2002/09/14 Sat 13:06:03 GMT\" matches none of the formats")]
    public void Rfc2822_BrokenMailDates_AreQuarantinedWithReason(string header, string reason)
    {
        var result = CleaningRules<Row>.Create().ParseTimestamp(r => r.Key, TimestampParsing.Rfc2822(DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Build().Clean([new Row { Key = header }]);

        StringAssert.StartsWith(result.Quarantine.Single().Reason, reason);
    }

    [TestMethod]
    public void Rfc2822_InvalidZoneReadAsUtc_KeepsTheRecordWithItsWallClockTime()
    {
        var row = new Row { Key = "Sun, 25 Aug 2002 06:08:23 -1900" };
        var parsing = TimestampParsing.Rfc2822(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, readInvalidZonesAsUtc: true);

        var result = CleaningRules<Row>.Create().ParseTimestamp(r => r.Key, parsing).Build().Clean([row]);

        Assert.HasCount(1, result.Clean);
        Assert.AreEqual("2002-08-25T06:08:23+00:00", row.Key);
    }

    [TestMethod]
    public void Transform_Custom_CanReplaceTheRecordOrFailWithReason()
    {
        var rows = new Row[] { new() { Count = 1 }, new() { Count = -1 }, new() { Count = 0 } };
        var result = CleaningRules<Row>.Create()
            .Transform("double-count", (ref Row r, out string? why) =>
            {
                why = r.Count < 0 ? $"Count {r.Count} is negative and cannot be doubled" : null;
                if (why is not null)
                {
                    return TransformStatus.Failed;
                }

                if (r.Count == 0)
                {
                    return TransformStatus.Unchanged;
                }

                r = new Row { Count = r.Count * 2 };
                return TransformStatus.Changed;
            })
            .Build().Clean(rows);

        Assert.AreEqual(2, result.Clean[0].Count);
        Assert.AreNotSame(rows[0], result.Clean[0]);
        Assert.AreEqual("Count -1 is negative and cannot be doubled", result.Quarantine.Single().Reason);
        Assert.AreEqual(1, result.Report.Transforms.Single().Changed);
    }

    [TestMethod]
    public void Transform_Throwing_IsQuarantinedNotThrown()
    {
        var result = CleaningRules<Row>.Create()
            .FixText("upper", r => r.Name, s => s!.ToUpperInvariant())
            .Build().Clean([new Row { Name = "a" }, new Row { Name = null }]);

        Assert.AreEqual("A", result.Clean.Single().Name);
        StringAssert.StartsWith(result.Quarantine.Single().Reason, "upper threw NullReferenceException");
        Assert.AreEqual(1, result.Report.Transforms.Single().Rejected);
    }

    [TestMethod]
    public void NormalizeText_ReadOnlyProperty_ThrowsNamingTheFix()
    {
        var error = Assert.ThrowsExactly<CleaningException>(() => CleaningRules<Row>.Create().NormalizeText(r => r.ReadOnlyName));

        StringAssert.Contains(error.Message, "writable property");
    }

    [TestMethod]
    public void TimestampParsing_NoFormatOrEmptyRange_Throws()
    {
        Assert.ThrowsExactly<CleaningException>(() => new TimestampParsing([], DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.ThrowsExactly<CleaningException>(() => new TimestampParsing(["yyyy"], DateTimeOffset.MaxValue, DateTimeOffset.MinValue));
    }
}
