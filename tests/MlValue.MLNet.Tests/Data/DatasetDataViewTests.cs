using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlValue.Data;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class DatasetDataViewTests
{
    private static readonly DatasetProvenance Source = new() { Source = "test" };

    [TestMethod]
    public void FromDataView_SameRowsAsRecords_SameId()
    {
        var context = new MLContext(seed: 1);
        var rows = Point.Many(300);

        var fromRecords = Dataset.FromRecords(rows, Source);
        var fromView = Dataset.FromDataView<Point>(context, context.Data.LoadFromEnumerable(rows), Source);
        var roundTrip = Dataset.FromDataView<Point>(context, fromRecords.ToDataView(context), Source);

        Assert.AreEqual(fromRecords.Id, fromView.Id);
        Assert.AreEqual(fromRecords.Id, roundTrip.Id);
        Assert.AreEqual(300, fromView.Count);
    }

    [TestMethod]
    public void FromDataView_LargeTextFile_StreamsAndIsStableAndSensitive()
    {
        using var temp = new TempFolder();
        var path = temp.File("points.csv");
        WritePoints(path, 20_000, changedRow: null);
        var context = new MLContext(seed: 1);

        var first = Dataset.FromDataView<Point>(context, Load(context, path), new DatasetProvenance { Source = "points.csv" });
        var again = Dataset.FromDataView<Point>(context, Load(context, path), new DatasetProvenance { Source = "points.csv" });
        WritePoints(path, 20_000, changedRow: 12_345);
        var changed = Dataset.FromDataView<Point>(context, Load(context, path), new DatasetProvenance { Source = "points.csv" });

        Assert.AreEqual(20_000, first.Count);
        Assert.AreEqual(first.Id, again.Id);
        Assert.AreNotEqual(first.Id, changed.Id);
        Assert.AreEqual("k3", first.AsEnumerable().Skip(3).First().Key);
    }

    [TestMethod]
    public void Split_OverDataView_MatchesSplitOverRecords()
    {
        var context = new MLContext(seed: 1);
        var rows = Point.Many(400);

        var viewSplit = Dataset.FromDataView<Point>(context, context.Data.LoadFromEnumerable(rows), Source).Split(p => p.Key);
        var recordSplit = Dataset.FromRecords(rows, Source).Split(p => p.Key);

        Assert.AreEqual(recordSplit.Train.Id, viewSplit.Train.Id);
        Assert.AreEqual(recordSplit.Validation.Id, viewSplit.Validation.Id);
        Assert.AreEqual(recordSplit.Test.Id, viewSplit.Test.Id);
    }

    [TestMethod]
    public void FromDataView_VectorColumn_ThrowsDatasetExceptionWithFix()
    {
        var context = new MLContext(seed: 1);
        var view = context.Transforms.Concatenate("Features", "X", "X").Fit(context.Data.LoadFromEnumerable(Point.Many(3))).Transform(context.Data.LoadFromEnumerable(Point.Many(3)));

        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromDataView<Point>(context, view, Source));
        StringAssert.Contains(error.Message, "Features");
        StringAssert.Contains(error.Message, "DropColumns");
    }

    [TestMethod]
    public void FromDataView_PropertyWithoutColumn_ThrowsDatasetExceptionNamingIt()
    {
        var context = new MLContext(seed: 1);
        var view = context.Data.LoadFromEnumerable(Point.Many(3));

        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromDataView<Message>(context, view, Source));
        StringAssert.Contains(error.Message, "Message.Body");
    }

    [TestMethod]
    public void ToDataView_NullableProperty_ThrowsDatasetException()
    {
        var dataset = Dataset.FromRecords([new Reading { Sensor = "s", Score = 1 }], Source);

        var error = Assert.ThrowsExactly<DatasetException>(() => dataset.ToDataView(new MLContext(seed: 1)));
        StringAssert.Contains(error.Message, "Reading.Score");
    }

    [TestMethod]
    public async Task DataViewSource_ReadsPastRowPosition_AcrossInstances()
    {
        var context = new MLContext(seed: 1);
        var view = context.Data.LoadFromEnumerable(Point.Many(25));
        var store = new InMemoryCheckpointStore();
        var options = new DataOptions { MaxBatchRecords = 10 };
        var keys = new List<string>();

        for (var round = 0; round < 4; round++)
        {
            var source = DataSources.FromDataView<Point>("points-view", context, view, store, options);
            var batch = await source.ReadAsync();
            keys.AddRange(batch.Records.Select(p => p.Key));
            await source.CommitAsync(batch);
        }

        CollectionAssert.AreEqual(Point.Many(25).Select(p => p.Key).ToArray(), keys.ToArray());
        Assert.AreEqual("25", await store.LoadAsync("points-view"));
    }

    private static IDataView Load(MLContext context, string path)
        => context.Data.LoadFromTextFile<Point>(path, separatorChar: ',', hasHeader: true);

    private static void WritePoints(string path, int count, int? changedRow)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("Key,X,Flag,N");
        foreach (var (p, i) in Point.Many(count).Select((p, i) => (p, i)))
        {
            var x = i == changedRow ? p.X + 1 : p.X;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Key},{x:R},{p.Flag},{p.N}"));
        }
    }
}
