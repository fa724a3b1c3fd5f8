using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.Monitoring.Sketches;

namespace MlValue.Tests.Monitoring;

/// <summary>
/// Monitors across replicas through the in-process bucket store: two monitors with different replica ids share one store,
/// and a third (and each writer) reads windows equal to those of one monitor fed the union of their records.
/// </summary>
[TestClass]
public sealed class ModelMonitorReplicaTests
{
    private static readonly TimeSpan Span = TimeSpan.FromHours(36);

    [TestMethod]
    public async Task Windows_OfAReaderAndOfEachWriter_EqualOneMonitorFedTheUnion()
    {
        var clock = Clock();
        var reference = MonitorTestData.Reference();
        var store = new InMemoryMonitorBucketStore();
        var rows = Rows(6000, seed: 3);
        using var union = Monitor(clock, reference, null, "union");
        using var a = Monitor(clock, reference, store, "replica-a");
        using var b = Monitor(clock, reference, store, "replica-b");
        Record(clock, rows, (row, i, time) =>
        {
            union.Record(row, MonitorTestData.Score(row), "v1", "u" + i, time);
            (i % 3 == 0 ? a : b).Record(row, MonitorTestData.Score(row), "v1", "r" + i, time);
        });

        await a.SaveAsync();
        await b.SaveAsync();
        using var reader = Monitor(clock, reference, store, "reader");

        var (from, to) = Range(clock);
        var expected = union.GetWindow(from, to);
        foreach (var monitor in new[] { reader, a, b })
        {
            AssertSame(expected, monitor.GetWindow(from, to), rows, monitor.ReplicaId);
        }

        var spec = WindowSpec.Sliding(TimeSpan.FromHours(6), TimeSpan.FromHours(3));
        var unionWindows = union.GetWindows(spec);
        var readerWindows = reader.GetWindows(spec);
        Assert.AreEqual(unionWindows.Count, readerWindows.Count);
        for (var i = 0; i < unionWindows.Count; i++)
        {
            Assert.AreEqual(unionWindows[i].Start, readerWindows[i].Start);
            Assert.AreEqual(unionWindows[i].Records, readerWindows[i].Records, $"window {i}");
            CollectionAssert.AreEqual(Verdicts(unionWindows[i]), Verdicts(readerWindows[i]), $"window {i}");
        }
    }

    [TestMethod]
    public async Task Window_OfADriftedStream_HasTheUnionsVerdicts()
    {
        var clock = Clock();
        var reference = MonitorTestData.Reference();
        var store = new InMemoryMonitorBucketStore();
        var rows = MonitorTestData.Rows(4000, seed: 9, mean: 1.5, extraGroup: "z");
        using var union = Monitor(clock, reference, null, "union");
        using var a = Monitor(clock, reference, store, "replica-a");
        using var b = Monitor(clock, reference, store, "replica-b");
        Record(clock, rows, (row, i, time) =>
        {
            union.Record(row, MonitorTestData.Score(row), "v1", "u" + i, time);
            (i % 2 == 0 ? a : b).Record(row, MonitorTestData.Score(row), "v1", "r" + i, time);
        });
        await a.SaveAsync();
        await b.SaveAsync();
        using var reader = Monitor(clock, reference, store, "reader");

        var (from, to) = Range(clock);
        var expected = union.GetWindow(from, to);
        var merged = reader.GetWindow(from, to);

        Assert.IsTrue(expected.HasDrift, "the stream moved");
        AssertSame(expected, merged, rows, "reader");
    }

    [TestMethod]
    public async Task Flush_WritesOnlyChangedBuckets_AndAReplicaNeverCountsItsOwnRowsTwice()
    {
        var clock = Clock();
        var store = new InMemoryMonitorBucketStore();
        using var a = Monitor(clock, null, store, "replica-a");
        var rows = Rows(200, seed: 4);
        Record(clock, rows, (row, i, time) => a.Record(row, 0.5, "v1", "r" + i, time));

        var withData = a.Ring.All().Count(bucket => !bucket.IsEmpty);
        var first = await a.FlushBucketsAsync();
        var second = await a.FlushBucketsAsync();
        a.Record(rows[0], 0.5, "v1", "again");
        var third = await a.FlushBucketsAsync();

        Assert.AreEqual(withData, first, "every bucket with data");
        Assert.AreEqual(0, second, "nothing changed");
        Assert.AreEqual(1, third, "the bucket of the new record");
        var (from, to) = Range(clock);
        Assert.AreEqual(rows.Count + 1, a.GetWindow(from, to).Records, "its own stored rows are not added to its live buckets");
    }

    [TestMethod]
    public void Flush_OnTheFlushInterval_AndOnDispose_WritesTheChangedBuckets()
    {
        var clock = Clock();
        var store = new InMemoryMonitorBucketStore();
        var options = Options("replica-a");
        options.BucketFlushInterval = TimeSpan.FromMinutes(1);
        var a = new ModelMonitor<Row>("test", MonitorTestData.Schema(), null, options, clock, null, null, store);
        a.Record(new Row { Value = 1 }, 0.5, "v1", "r0");

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.AreEqual(0, store.Count, "not before the interval");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.AreEqual(1, store.Count, "the timer flushed the bucket");

        a.Record(new Row { Value = 2 }, 0.5, "v1", "r1", clock.GetUtcNow() - TimeSpan.FromHours(1));
        a.Dispose();
        Assert.AreEqual(2, store.Count, "dispose flushed the last change");
        Assert.AreEqual(2, a.FlushedBuckets);
    }

    [TestMethod]
    public async Task Flush_DeletesEveryReplicasBucketsPastTheRetention()
    {
        var clock = Clock();
        var store = new InMemoryMonitorBucketStore();
        var options = Options("replica-a");
        options.Retention = TimeSpan.FromDays(3);
        using var a = new ModelMonitor<Row>("test", MonitorTestData.Schema(), null, options, clock, null, null, store);
        using var b = Monitor(clock, null, store, "replica-b");
        Record(clock, Rows(300, seed: 5), (row, i, time) => (i % 2 == 0 ? a : b).Record(row, 0.5, "v1", "r" + i, time));
        await a.FlushBucketsAsync();
        await b.FlushBucketsAsync();
        var stored = store.Count;

        clock.Advance(TimeSpan.FromDays(2));
        await a.FlushBucketsAsync();

        var cutoff = new DateTimeOffset((clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour) * TimeSpan.TicksPerHour, TimeSpan.Zero) - options.Retention + TimeSpan.FromHours(1);
        var left = await store.ReadAsync("test", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.IsTrue(left.Count < stored, "old buckets were deleted");
        Assert.IsTrue(left.All(r => r.BucketStart >= cutoff), "none older than the retention is left");
        Assert.IsTrue(left.Any(r => r.Replica == "replica-b"), "the other replica's recent buckets are kept");
    }

    [TestMethod]
    public async Task Read_OfABucketWithAnotherReferenceLayout_IsRefusedNamingTheReplica()
    {
        var clock = Clock();
        var store = new InMemoryMonitorBucketStore();
        using var other = Monitor(clock, MonitorTestData.Reference(count: 500, seed: 7), store, "replica-x");
        Record(clock, Rows(100, seed: 6), (row, i, time) => other.Record(row, 0.5, "v1", "r" + i, time));
        await other.SaveAsync();
        using var reader = Monitor(clock, MonitorTestData.Reference(), store, "reader");

        var (from, to) = Range(clock);
        var error = Assert.ThrowsExactly<MonitoringException>(() => reader.GetWindow(from, to));

        StringAssert.Contains(error.Message, "replica 'replica-x'");
        StringAssert.Contains(error.Message, "reference layout");
    }

    [TestMethod]
    public async Task Read_OfABucketOfAnotherSchema_IsRefusedNamingTheReplicaAndBothSchemas()
    {
        var clock = Clock();
        var store = new InMemoryMonitorBucketStore();
        var schema = MonitorTestData.Schema().Numeric("extra", r => r.Value);
        using var other = new ModelMonitor<Row>("test", schema, null, Options("replica-y"), clock, null, null, store);
        Record(clock, Rows(100, seed: 6), (row, i, time) => other.Record(row, 0.5, "v1", "r" + i, time));
        await other.SaveAsync();
        using var reader = Monitor(clock, null, store, "reader");

        var (from, to) = Range(clock);
        var error = Assert.ThrowsExactly<MonitoringException>(() => reader.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(1))));

        StringAssert.Contains(error.Message, "replica 'replica-y'");
        StringAssert.Contains(error.Message, "extra=Numeric");
        Assert.IsNotNull(reader.GetWindow(from, from + TimeSpan.FromHours(1)), "a window without the other schema's buckets still reads");
    }

    [TestMethod]
    public void Options_ReplicaId_DefaultsToMachineAndProcess_AndAnInvalidOneIsRefused()
    {
        using var monitor = MonitorTestData.Monitor(Clock());
        StringAssert.EndsWith(monitor.ReplicaId, "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Assert.IsNull(monitor.BucketStore, "without a store nothing is shared");

        var options = MonitorTestData.Options();
        options.ReplicaId = "has space";
        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(Clock(), options: options));
        StringAssert.Contains(error.Message, "MlValue:Monitoring:ReplicaId");
    }

    private static FakeTimeProvider Clock()
    {
        var clock = MonitorTestData.Clock();
        clock.Advance(TimeSpan.FromDays(2));
        return clock;
    }

    private static MonitoringOptions Options(string replica) => new()
    {
        SaveInterval = TimeSpan.Zero,
        BucketFlushInterval = TimeSpan.Zero,
        AllowedLateness = TimeSpan.FromDays(2),
        ReplicaId = replica,
    };

    private static ModelMonitor<Row> Monitor(FakeTimeProvider clock, ReferenceProfile? reference, IMonitorBucketStore? store, string replica)
        => new("test", MonitorTestData.Schema(), reference, Options(replica), clock, null, null, store);

    /// <summary>Seeded rows, every 13th with no value and no group.</summary>
    private static List<Row> Rows(int count, int seed)
        => [.. MonitorTestData.Rows(count, seed).Select((r, i) => i % 13 == 0 ? new Row { Body = r.Body } : r)];

    /// <summary>Records each row at a seeded event time in the last <see cref="Span"/> (the clock does not move).</summary>
    private static void Record(FakeTimeProvider clock, List<Row> rows, Action<Row, int, DateTimeOffset> record)
    {
        var random = new Random(11);
        for (var i = 0; i < rows.Count; i++)
        {
            record(rows[i], i, clock.GetUtcNow() - TimeSpan.FromMinutes(random.Next(0, (int)Span.TotalMinutes)));
        }
    }

    /// <summary>A window over every recorded bucket.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Range(FakeTimeProvider clock)
    {
        var hour = TimeSpan.TicksPerHour;
        var now = clock.GetUtcNow().UtcTicks / hour * hour;
        return (new DateTimeOffset(now, TimeSpan.Zero) - Span - TimeSpan.FromHours(1), new DateTimeOffset(now, TimeSpan.Zero) + TimeSpan.FromHours(1));
    }

    private static DriftVerdict[] Verdicts(MonitorWindow window) => [.. window.Features.Append(window.Prediction).Select(f => f.Verdict)];

    private static void AssertSame(MonitorWindow expected, MonitorWindow actual, List<Row> rows, string who)
    {
        Assert.AreEqual(expected.Records, actual.Records, $"{who}: records");
        Assert.AreEqual(expected.LateAccepted, actual.LateAccepted, $"{who}: late");
        CollectionAssert.AreEquivalent(expected.Versions.ToList(), actual.Versions.ToList(), $"{who}: versions");
        CollectionAssert.AreEqual(Verdicts(expected), Verdicts(actual), $"{who}: verdicts");
        for (var i = 0; i < expected.Features.Count; i++)
        {
            var (e, a) = (expected.Features[i], actual.Features[i]);
            Assert.AreEqual(e.Count, a.Count, $"{who}: {e.Feature} count");
            Assert.AreEqual(e.Missing, a.Missing, $"{who}: {e.Feature} nulls");
            Assert.AreEqual(e.Minimum, a.Minimum, $"{who}: {e.Feature} min");
            Assert.AreEqual(e.Maximum, a.Maximum, $"{who}: {e.Feature} max");
            Assert.AreEqual(e.Mean ?? 0, a.Mean ?? 0, 1e-9, $"{who}: {e.Feature} mean");
        }

        var values = rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).Order().ToArray();
        var value = actual.Features[0];
        Assert.AreEqual(values.Length, value.Count, $"{who}: every value is in the window");
        Assert.AreEqual(values[0], value.Minimum, $"{who}: exact min");
        Assert.AreEqual(values[^1], value.Maximum, $"{who}: exact max");
        foreach (var (q, estimate) in new[] { (0.05, value.P05), (0.5, value.Median), (0.95, value.P95) })
        {
            var rank = (double)values.Count(v => v <= estimate!.Value) / values.Length;
            Assert.IsTrue(Math.Abs(rank - q) <= KllSketch.RankError + (1.0 / values.Length), $"{who}: q{q} has rank {rank}");
        }
    }
}
