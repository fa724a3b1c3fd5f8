using System.Text.RegularExpressions;
using MlValue.Data;
using MlValue.Tests.Support;

namespace MlValue.Tests.Data;

[TestClass]
public sealed partial class DatasetTests
{
    private static readonly DatasetProvenance Source = new() { Source = "test" };

    [TestMethod]
    public void FromRecords_SameRowsAsNewObjects_SameIdInExpectedFormat()
    {
        var a = Dataset.FromRecords(Point.Many(50), Source);
        var b = Dataset.FromRecords(Point.Many(50), new DatasetProvenance { Source = "elsewhere" });

        Assert.AreEqual(a.Id, b.Id);
        Assert.IsTrue(IdPattern().IsMatch(a.Id), a.Id);
        Assert.AreEqual(50, a.Count);
    }

    [TestMethod]
    public void FromRecords_KnownRows_HasTheSameIdOnEveryMachine()
    {
        var rows = new[] { new Point { Key = "a", X = 0.1f, Flag = true, N = 1 }, new Point { Key = "b", X = -0f, Flag = false, N = long.MaxValue } };

        Assert.AreEqual("ds-e964a56f10445958467b8bebcab42022", Dataset.FromRecords(rows, Source).Id);
    }

    [TestMethod]
    public void FromRecords_OneChangedValue_ChangesId()
    {
        var baseline = Dataset.FromRecords(Point.Many(20), Source).Id;
        var ids = new List<string>();
        foreach (var change in new Action<Point>[] { p => p.Key += " ", p => p.X = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p.X) + 1), p => p.Flag = !p.Flag, p => p.N++ })
        {
            var rows = Point.Many(20);
            change(rows[7]);
            ids.Add(Dataset.FromRecords(rows, Source).Id);
        }

        var reordered = Point.Many(20);
        (reordered[0], reordered[1]) = (reordered[1], reordered[0]);
        ids.Add(Dataset.FromRecords(reordered, Source).Id);
        ids.Add(Dataset.FromRecords(Point.Many(19), Source).Id);

        Assert.IsFalse(ids.Contains(baseline));
        Assert.AreEqual(ids.Count, ids.Distinct().Count());
    }

    [TestMethod]
    public void FromRecords_NullVersusEmptyAndFieldBoundaries_DifferentIds()
    {
        var nullSubject = Dataset.FromRecords([new Message { Id = "1", Subject = null! }], Source).Id;
        var emptySubject = Dataset.FromRecords([new Message { Id = "1", Subject = "" }], Source).Id;
        var shifted = Dataset.FromRecords([new Message { Id = "1", Body = "ab", Subject = "" }], Source).Id;
        var shifted2 = Dataset.FromRecords([new Message { Id = "1", Body = "a", Subject = "b" }], Source).Id;

        Assert.AreNotEqual(nullSubject, emptySubject);
        Assert.AreNotEqual(shifted, shifted2);
    }

    [TestMethod]
    public void FromRecords_SourceObjectsChangedAfterwards_DatasetUnchanged()
    {
        var rows = Point.Many(3);
        var dataset = Dataset.FromRecords(rows, Source);
        rows[0].Key = "changed";
        dataset.AsEnumerable().First().Key = "changed too";

        Assert.AreEqual("k0", dataset.AsEnumerable().First().Key);
        Assert.AreEqual(dataset.Id, Dataset.FromRecords(dataset.AsEnumerable(), Source).Id);
    }

    [TestMethod]
    public void FromRecords_NullRecord_ThrowsDatasetExceptionWithPosition()
    {
        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRecords([new Point(), null!], Source));
        StringAssert.Contains(error.Message, "Record 1");
    }

    [TestMethod]
    public void FromRecords_UnsupportedPropertyType_ThrowsDatasetExceptionNamingProperty()
    {
        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRecords([new Unsupported()], Source));
        StringAssert.Contains(error.Message, "Unsupported.Token");
        StringAssert.Contains(error.Message, "Guid");
    }

    [TestMethod]
    public void Snapshot_SpamDatasetCard_ShowsIdSchemaAndProvenance()
    {
        var messages = SpamFixture.All.Select(m => new Message { Id = m.Id, Group = m.Group, Label = m.Label, Subject = m.Subject, Body = m.Body });
        var provenance = new DatasetProvenance { Source = "spamassassin", WindowStart = new DateTimeOffset(2002, 1, 1, 0, 0, 0, TimeSpan.Zero), WindowEnd = new DateTimeOffset(2003, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var dataset = Dataset.FromRecords(messages, provenance);
        var split = dataset.Split(m => m.Group + "/" + m.Id);

        Snapshot.Verify(dataset.ToMarkdown() + "\n" + split.Test.ToMarkdown());
    }

    [GeneratedRegex("^ds-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
