using MlValue.Data;
using MlValue.Tests.Support;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class DatasetSplitTests
{
    private static readonly DatasetProvenance Source = new() { Source = "test" };

    [TestMethod]
    public void Split_RowsAdded_OldRowsKeepTheirPart()
    {
        var before = Dataset.FromRecords(Point.Many(500), Source).Split(p => p.Key);
        var after = Dataset.FromRecords(Point.Many(2000), Source).Split(p => p.Key);

        foreach (var (old, grown) in new[] { (before.Train, after.Train), (before.Validation, after.Validation), (before.Test, after.Test) })
        {
            var grownKeys = grown.AsEnumerable().Select(p => p.Key).ToHashSet();
            Assert.IsTrue(old.AsEnumerable().All(p => grownKeys.Contains(p.Key)));
        }
    }

    [TestMethod]
    public void Split_DefaultFractions_PartsCoverAllRowsInRoughProportion()
    {
        var dataset = Dataset.FromRecords(Point.Many(2000), Source);
        var split = dataset.Split(p => p.Key);

        Assert.AreEqual(2000, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.IsTrue(split.Train.Count is > 1500 and < 1700, split.Train.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(split.Test.Count is > 140 and < 260);
        Assert.AreEqual(dataset.Id, split.Test.Provenance.ParentIds.Single());
        StringAssert.Contains(split.Train.Provenance.Derivation, "split train 0.8/0.1/0.1");
    }

    [TestMethod]
    public void Split_SameData_SameIdsEveryTime()
    {
        var first = Dataset.FromRecords(SpamMessages(), Source).Split(m => m.Id, new SplitFractions(0.7, 0.15, 0.15));
        var second = Dataset.FromRecords(SpamMessages(), Source).Split(m => m.Id, new SplitFractions(0.7, 0.15, 0.15));

        Assert.AreEqual(first.Train.Id, second.Train.Id);
        Assert.AreEqual(first.Test.Id, second.Test.Id);
        Assert.AreNotEqual(first.Train.Id, first.Test.Id);
    }

    [TestMethod]
    public void Split_NullKey_ThrowsDatasetExceptionWithRow()
    {
        var rows = Point.Many(3);
        rows[2].Key = null!;

        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRecords(rows, Source).Split(p => p.Key));
        StringAssert.Contains(error.Message, "row 2");
    }

    [TestMethod]
    [DataRow(0.8, 0.1, 0.2)]
    [DataRow(1.1, -0.1, 0.0)]
    [DataRow(double.NaN, 0.5, 0.5)]
    public void SplitFractions_Invalid_ThrowsArgumentException(double train, double validation, double test)
    {
        Assert.Throws<ArgumentException>(() => new SplitFractions(train, validation, test));
    }

    private static IEnumerable<Message> SpamMessages()
        => SpamFixture.All.Select(m => new Message { Id = m.Group + "/" + m.Id, Group = m.Group, Label = m.Label, Subject = m.Subject, Body = m.Body });
}
