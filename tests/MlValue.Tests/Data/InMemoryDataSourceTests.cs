using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlValue.Data;
using MlValue.Diagnostics;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class InMemoryDataSourceTests
{
    [TestMethod]
    public async Task ReadAsync_AfterCommit_ReturnsOnlyNewRecords()
    {
        var source = new InMemoryDataSource<Point>("points");
        source.Append(new Point { Key = "a" }, new Point { Key = "b" });

        var first = await source.ReadAsync();
        await source.CommitAsync(first);
        source.Append(new Point { Key = "c" });
        var second = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "a", "b" }, first.Records.Select(p => p.Key).ToArray());
        CollectionAssert.AreEqual(new[] { "c" }, second.Records.Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public async Task ReadAsync_WithoutCommit_RedeliversSameBatch()
    {
        var source = new InMemoryDataSource<Point>("points");
        source.Append(new Point { Key = "a" });

        var first = await source.ReadAsync();
        var again = await source.ReadAsync();

        Assert.AreEqual(1, again.Records.Count);
        Assert.AreEqual(first.ToCheckpoint, again.ToCheckpoint);
    }

    [TestMethod]
    public async Task CommitAsync_StaleBatch_ThrowsDataSourceException()
    {
        var source = new InMemoryDataSource<Point>("points");
        source.Append(new Point { Key = "a" });
        var first = await source.ReadAsync();
        var duplicate = await source.ReadAsync();
        await source.CommitAsync(first);

        var error = await Assert.ThrowsExactlyAsync<DataSourceException>(() => source.CommitAsync(duplicate));
        StringAssert.Contains(error.Message, "stale");
    }

    [TestMethod]
    public async Task CommitAsync_BatchOfOtherSource_ThrowsDataSourceException()
    {
        var a = new InMemoryDataSource<Point>("a");
        var b = new InMemoryDataSource<Point>("b");
        var batch = await a.ReadAsync();

        await Assert.ThrowsExactlyAsync<DataSourceException>(() => b.CommitAsync(batch));
    }

    [TestMethod]
    public async Task ReadAsync_MaxBatchRecords_SplitsIntoBatches()
    {
        var source = new InMemoryDataSource<Point>("points", maxBatchRecords: 2);
        source.Append(Enumerable.Range(0, 5).Select(i => new Point { Key = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var sizes = new List<int>();
        for (var batch = await source.ReadAsync(); !batch.IsEmpty; batch = await source.ReadAsync())
        {
            sizes.Add(batch.Records.Count);
            await source.CommitAsync(batch);
        }

        CollectionAssert.AreEqual(new[] { 2, 2, 1 }, sizes);
    }

    [TestMethod]
    public void Append_NullRecord_ThrowsArgumentException()
    {
        var source = new InMemoryDataSource<Point>("points");
        Assert.ThrowsExactly<ArgumentException>(() => source.Append(new Point(), null!));
    }

    [TestMethod]
    public async Task ReadAsync_CorruptCheckpoint_ThrowsDataSourceExceptionWithFix()
    {
        var store = new InMemoryCheckpointStore();
        await store.SaveAsync("points", "{not a number}");
        var source = new InMemoryDataSource<Point>("points", store);

        var error = await Assert.ThrowsExactlyAsync<DataSourceException>(() => source.ReadAsync());
        StringAssert.Contains(error.Message, "delete it");
    }

    [TestMethod]
    public async Task ReadAsync_RecordsTelemetry_RecordsRead()
    {
        using var collector = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.data.records_read");
        var source = new InMemoryDataSource<Point>("telemetry-points");
        source.Append(new Point(), new Point(), new Point());

        await source.ReadAsync();

        Assert.AreEqual(3, collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["mlvalue.data.source"], "telemetry-points")).Sum(m => m.Value));
    }
}
