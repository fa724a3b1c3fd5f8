using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Training;

namespace MlValue.PostgreSql.Tests.Monitoring;

/// <summary>
/// Monitors across replicas on PostgreSQL. The "serving processes" are monitor instances in this test process, each with
/// its own replica id and its own store (so its own connection pool), sharing one schema: what crosses between them is
/// only what the table holds, as between processes, without the CI time of starting child processes.
/// </summary>
[TestClass]
public sealed class MonitorReplicasTests
{
    /// <summary>A Monday, midnight UTC.</summary>
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromHours(36);
    private static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
    private readonly string _schema = PostgresServer.NewSchema();
    private readonly List<PostgreSqlMonitorBucketStore> _opened = [];

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public async Task DropSchemaAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }

    [TestMethod]
    public async Task TwoServingProcesses_EachRecord100000_AThirdReadsTheWindowsOfOneMonitorFedTheUnion()
    {
        const int PerReplica = 100_000;
        var clock = Clock();
        var reference = ReferenceProfile.Build(Schema(), Rows(5000, seed: 1, mean: 0), Score);
        var rows = Rows(2 * PerReplica, seed: 2, mean: 0.4);
        using var union = Monitor(clock, reference, null, "union");
        using var a = Monitor(clock, reference, Open(clock), "serving-a");
        using var b = Monitor(clock, reference, Open(clock), "serving-b");
        var random = new Random(3);
        for (var i = 0; i < rows.Count; i++)
        {
            var time = clock.GetUtcNow() - TimeSpan.FromSeconds(random.Next(0, (int)Span.TotalSeconds));
            var id = "r" + i.ToString(CultureInfo.InvariantCulture);
            var status = union.Record(rows[i], Score(rows[i]), "v1", id, time);
            Assert.AreEqual(status, (i < PerReplica ? a : b).Record(rows[i], Score(rows[i]), "v1", id, time));
        }

        foreach (var store in _opened)
        {
            // Connect and check the schema first, so the figures below time the flush and the read alone.
            await store.ReadAsync("spam", Start, Start);
        }

        var flush = Stopwatch.StartNew();
        await a.SaveAsync();
        await b.SaveAsync();
        flush.Stop();
        var readerStore = Open(clock);
        await readerStore.ReadAsync("spam", Start, Start);
        using var reader = Monitor(clock, reference, readerStore, "reader");

        var (from, to) = Range(clock);
        var read = Stopwatch.StartNew();
        var merged = reader.GetWindow(from, to);
        read.Stop();
        var expected = union.GetWindow(from, to);

        Assert.AreEqual(2L * PerReplica, expected.Records);
        AssertSame(expected, merged, rows, "reader");
        AssertSame(expected, a.GetWindow(from, to), rows, "serving-a");
        var spec = WindowSpec.Sliding(TimeSpan.FromHours(6), TimeSpan.FromHours(3));
        var unionWindows = union.GetWindows(spec);
        var readerWindows = reader.GetWindows(spec);
        Assert.AreEqual(unionWindows.Count, readerWindows.Count);
        for (var i = 0; i < unionWindows.Count; i++)
        {
            Assert.AreEqual(unionWindows[i].Records, readerWindows[i].Records, $"window {i}");
            CollectionAssert.AreEqual(Verdicts(unionWindows[i]), Verdicts(readerWindows[i]), $"window {i}");
        }

        var stored = await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM monitor_buckets;");
        var bytes = await PostgresServer.CountAsync(_schema, "SELECT SUM(length(payload)) FROM monitor_buckets;");
        Assert.IsTrue(stored <= a.BucketCount + b.BucketCount, "at most one row per bucket per replica");
        TestContext.WriteLine($"2 x {PerReplica} records: {stored} rows, {bytes} payload bytes; flush of both {flush.ElapsedMilliseconds} ms; merged window read {read.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    public async Task Flush_AgainAfterMoreRecords_UpdatesTheRowsAndAddsNone()
    {
        var clock = Clock();
        using var a = Monitor(clock, null, Open(clock), "serving-a");
        var rows = Rows(500, seed: 4, mean: 0);
        for (var i = 0; i < rows.Count; i++)
        {
            a.Record(rows[i], 0.5, "v1", "r" + i.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() - TimeSpan.FromMinutes(i % 300));
        }

        await a.SaveAsync();
        var before = await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM monitor_buckets;");
        clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var row in rows)
        {
            a.Record(row, 0.5, "v1", "again", clock.GetUtcNow() - TimeSpan.FromMinutes(30));
        }

        Assert.AreEqual(1, await a.FlushBucketsAsync(), "only the bucket that changed");

        Assert.AreEqual(before, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM monitor_buckets;"));
        Assert.AreEqual(Start + TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1), await UpdatedAtAsync(), "updated at the flush, by the store's clock");
    }

    [TestMethod]
    public async Task Store_UpsertsReadsARangeAndDeletesByAge()
    {
        var clock = Clock();
        var store = Open(clock);
        var hour = TimeSpan.FromHours(1);
        await store.SaveAsync("spam", [new("a", Start, [1]), new("b", Start, [2]), new("a", Start + hour, [3])]);
        await store.SaveAsync("spam", [new("a", Start, [9])]);
        await store.SaveAsync("other", [new("a", Start, [7])]);

        var all = await store.ReadAsync("spam", Start, Start + (2 * hour));
        var first = await store.ReadAsync("spam", Start, Start + hour);
        var deleted = await store.DeleteOlderThanAsync("spam", Start + hour);
        var left = await store.ReadAsync("spam", DateTimeOffset.UnixEpoch, Start + (10 * hour));

        CollectionAssert.AreEqual(new[] { "a@0:9", "b@0:2", "a@1:3" }, all.Select(Describe).ToArray(), "ordered by start then replica; the upsert replaced a@0");
        CollectionAssert.AreEqual(new[] { "a@0:9", "b@0:2" }, first.Select(Describe).ToArray(), "the end is exclusive");
        Assert.AreEqual(2, deleted);
        CollectionAssert.AreEqual(new[] { "a@1:3" }, left.Select(Describe).ToArray());
        Assert.AreEqual(1, (await store.ReadAsync("other", Start, Start + hour)).Count, "another monitor's buckets are untouched");

        string Describe(StoredMonitorBucket b) => $"{b.Replica}@{(b.BucketStart - Start).TotalHours}:{b.Payload[0]}";
    }

    [TestMethod]
    public async Task Read_OfAReplicaWithAnotherReference_IsRefusedNamingTheReplica()
    {
        var clock = Clock();
        using var other = Monitor(clock, ReferenceProfile.Build(Schema(), Rows(500, seed: 7, mean: 2), Score), Open(clock), "serving-x");
        other.Record(Rows(1, seed: 8, mean: 0)[0], 0.5, "v1", "r0");
        await other.SaveAsync();
        using var reader = Monitor(clock, ReferenceProfile.Build(Schema(), Rows(500, seed: 1, mean: 0), Score), Open(clock), "reader");

        var (from, to) = Range(clock);
        var error = Assert.ThrowsExactly<MonitoringException>(() => reader.GetWindow(from, to));

        StringAssert.Contains(error.Message, "replica 'serving-x'");
        StringAssert.Contains(error.Message, "reference layout");
    }

    [TestMethod]
    public async Task UsePostgreSql_RegistersTheMonitorBucketStore_AndKeepsOneOfTheApplication()
    {
        var services = new ServiceCollection();
        services.AddMlValue().UsePostgreSql(o =>
        {
            o.ConnectionString = PostgresServer.ConnectionString;
            o.Schema = _schema;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsInstanceOfType<PostgreSqlMonitorBucketStore>(provider.GetRequiredService<IMonitorBucketStore>());
        }

        var own = new InMemoryMonitorBucketStore();
        var withOwn = new ServiceCollection();
        withOwn.AddSingleton<IMonitorBucketStore>(own);
        withOwn.AddMlValue().UsePostgreSql(PostgresServer.ConnectionString);
        await using var second = withOwn.BuildServiceProvider();
        Assert.AreSame(own, second.GetRequiredService<IMonitorBucketStore>());
    }

    private static FakeTimeProvider Clock() => new(Start + TimeSpan.FromDays(2));

    private PostgreSqlMonitorBucketStore Open(TimeProvider clock)
    {
        var store = new PostgreSqlMonitorBucketStore(PostgresServer.Options(_schema), clock);
        _opened.Add(store);
        return store;
    }

    private async Task<DateTimeOffset> UpdatedAtAsync()
        => await PostgresServer.ScalarAsync(_schema, "SELECT MAX(updated_at) FROM monitor_buckets;") is DateTime t ? new DateTimeOffset(t.Ticks, TimeSpan.Zero) : default;

    private static MonitorSchema<Row> Schema() => new MonitorSchema<Row>(PredictionTask.BinaryClassification)
        .Numeric("value", r => r.Value)
        .Categorical("group", r => r.Group)
        .Text("body", r => r.Body);

    private static ModelMonitor<Row> Monitor(FakeTimeProvider clock, ReferenceProfile? reference, IMonitorBucketStore? store, string replica)
        => new("spam", Schema(), reference, new MonitoringOptions
        {
            SaveInterval = TimeSpan.Zero,
            BucketFlushInterval = TimeSpan.Zero,
            AllowedLateness = TimeSpan.FromDays(2),
            ReplicaId = replica,
        }, clock, null, null, store);

    private static double Score(Row row) => 1 / (1 + Math.Exp(-(row.Value ?? 0)));

    /// <summary>Seeded rows: value ~ N(mean, 1) (every 13th missing, with its group), group a/b/c, a short body.</summary>
    private static List<Row> Rows(int count, int seed, double mean)
    {
        var random = new Random(seed);
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var body = string.Join(' ', Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Words[random.Next(Words.Length)]));
            rows.Add(i % 13 == 0 ? new Row { Body = body } : new Row { Value = mean + normal, Group = ((char)('a' + random.Next(3))).ToString(), Body = body });
        }

        return rows;
    }

    private static (DateTimeOffset From, DateTimeOffset To) Range(FakeTimeProvider clock)
    {
        var now = new DateTimeOffset(clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero);
        return (now - Span - TimeSpan.FromHours(1), now + TimeSpan.FromHours(1));
    }

    private static DriftVerdict[] Verdicts(MonitorWindow window) => [.. window.Features.Append(window.Prediction).Select(f => f.Verdict)];

    private static void AssertSame(MonitorWindow expected, MonitorWindow actual, List<Row> rows, string who)
    {
        Assert.AreEqual(expected.Records, actual.Records, $"{who}: records");
        CollectionAssert.AreEqual(Verdicts(expected), Verdicts(actual), $"{who}: verdicts");
        for (var i = 0; i < expected.Features.Count; i++)
        {
            var (e, a) = (expected.Features[i], actual.Features[i]);
            Assert.AreEqual(e.Count, a.Count, $"{who}: {e.Feature} count");
            Assert.AreEqual(e.Missing, a.Missing, $"{who}: {e.Feature} nulls");
            Assert.AreEqual(e.Minimum, a.Minimum, $"{who}: {e.Feature} min");
            Assert.AreEqual(e.Maximum, a.Maximum, $"{who}: {e.Feature} max");
        }

        var values = rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).Order().ToArray();
        var value = actual.Features[0];
        Assert.AreEqual(values.Length, value.Count, $"{who}: every value");
        Assert.AreEqual(values[0], value.Minimum, $"{who}: exact min");
        Assert.AreEqual(values[^1], value.Maximum, $"{who}: exact max");
        foreach (var (q, estimate) in new[] { (0.05, value.P05), (0.5, value.Median), (0.95, value.P95) })
        {
            // The sketch's documented bound: rank error 1.65 % (KllSketch.RankError), plus one value of rounding.
            var rank = (double)values.Count(v => v <= estimate!.Value) / values.Length;
            Assert.IsTrue(Math.Abs(rank - q) <= 0.0165 + (1.0 / values.Length), $"{who}: q{q} has rank {rank}");
        }
    }

    /// <summary>One monitored input.</summary>
    public sealed class Row
    {
        public double? Value { get; init; }

        public string? Group { get; init; }

        public string? Body { get; init; }
    }
}
