using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;
using Npgsql;

namespace MlValue.Benchmarks.Stores;

/// <summary>
/// A monitor window read across 2 replicas sharing a bucket store against one local monitor fed the same records
/// (baseline), in the same run. Two writer replicas (<c>serving-a</c>, <c>serving-b</c>) each record half of the records
/// (10 features) over 24 hours of 1-hour buckets and flush their buckets with <c>FlushBucketsAsync</c>; a third monitor
/// (<c>reader</c>, recording nothing) reads the merged 24-hour window: one store read of the window's range, every
/// stored bucket decoded and merged, the window evaluated afresh (a window with other replicas' buckets is not served
/// from the evaluated-window cache). The baseline monitor has every record in its own buckets and
/// <c>ReuseEvaluatedWindows = false</c>, so it too evaluates the window on each call, from its cached blocks.
/// The PostgreSQL store needs a server in <c>MLVALUE_POSTGRES</c> (a fresh schema, dropped afterwards);
/// the in-process <see cref="InMemoryMonitorBucketStore"/> shows the decode and merge cost alone.
/// </summary>
[MemoryDiagnoser]
public class StoreMonitorReplicaWindowBenchmarks
{
    private const string Name = "replica-bench";
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromHours(24);
    private readonly List<IDisposable> _owned = [];
    private ModelMonitor<TenFeatures> _local = null!;
    private ModelMonitor<TenFeatures> _memoryReader = null!;
    private ModelMonitor<TenFeatures> _postgresReader = null!;
    private string? _connectionString;
    private string? _schema;
    private DateTimeOffset _end;

    /// <summary>Records in all, split evenly between the two writer replicas.</summary>
    [Params(100_000)]
    public int Records { get; set; }

    /// <summary>Fills the local monitor and the two writer replicas on each store, flushes the writers and warms the readers up.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task Setup()
    {
        // PostgreSQL first: without MLVALUE_POSTGRES the set-up fails before it has opened anything.
        _connectionString = StoreHost.PostgresConnectionString();
        _schema = "bench_" + Guid.NewGuid().ToString("N");
        var records = BenchmarkSettings.Smoke ? Records / 100 : Records;
        var schema = TenFeatures.Schema();
        var reference = ReferenceProfile.Build(schema, TenFeatures.Generate(BenchmarkSettings.Scale(20_000, 500), seed: 1), r => r.F0);
        var inputs = TenFeatures.Generate(BenchmarkSettings.Scale(5_000, 200), seed: 2, shift: 0.3);
        var ids = CorrelationIds.Create(2_000, "m-");
        var clock = new FakeTimeProvider(Start);

        var memory = new InMemoryMonitorBucketStore();
        var postgres = Own(Store());
        _local = Own(Monitor(clock, reference, null, "local", reuseEvaluated: false));
        var memoryWriters = new[] { Own(Monitor(clock, reference, memory, "serving-a")), Own(Monitor(clock, reference, memory, "serving-b")) };
        var postgresWriters = new[] { Own(Monitor(clock, reference, Own(Store()), "serving-a")), Own(Monitor(clock, reference, Own(Store()), "serving-b")) };
        for (var i = 0; i < records; i++)
        {
            var now = Start.AddTicks(Span.Ticks * i / records);
            clock.SetUtcNow(now);
            var input = inputs[i % inputs.Length];
            var id = ids[i % ids.Length];
            _local.Record(input, input.F0, "7", id, now);
            var writer = i % 2;
            memoryWriters[writer].Record(input, input.F0, "7", id, now);
            postgresWriters[writer].Record(input, input.F0, "7", id, now);
        }

        foreach (var writer in memoryWriters.Concat(postgresWriters))
        {
            await writer.FlushBucketsAsync();
        }

        _end = Start + Span;
        _memoryReader = Own(Monitor(clock, reference, memory, "reader"));
        _postgresReader = Own(Monitor(clock, reference, postgres, "reader"));
        var expected = _local.GetWindow(Start, _end).Records;
        foreach (var reader in new[] { _memoryReader, _postgresReader })
        {
            var merged = reader.GetWindow(Start, _end).Records;
            if (merged != expected)
            {
                throw new InvalidOperationException($"The merged window of '{reader.ReplicaId}' on {reader.BucketStore?.GetType().Name} has {merged} records, the local one {expected}.");
            }
        }
    }

    /// <summary>Disposes the monitors and the stores, and drops the PostgreSQL schema.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        if (_schema is not null)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;", connection);
            command.ExecuteNonQuery();
            _schema = null;
        }
    }

    /// <summary>The 24-hour window of the one local monitor fed every record.</summary>
    /// <returns>The window.</returns>
    [Benchmark(Baseline = true)]
    public MonitorWindow LocalGetWindow() => _local.GetWindow(Start, _end);

    /// <summary>The same window read by a third monitor, merged from the two replicas' buckets in an <see cref="InMemoryMonitorBucketStore"/>.</summary>
    /// <returns>The window.</returns>
    [Benchmark]
    public MonitorWindow InMemoryReplicasGetWindow() => _memoryReader.GetWindow(Start, _end);

    /// <summary>The same window read by a third monitor, merged from the two replicas' buckets in <see cref="PostgreSqlMonitorBucketStore"/> (one query over loopback).</summary>
    /// <returns>The window.</returns>
    [Benchmark]
    public MonitorWindow PostgreSqlReplicasGetWindow() => _postgresReader.GetWindow(Start, _end);

    private static ModelMonitor<TenFeatures> Monitor(FakeTimeProvider clock, ReferenceProfile reference, IMonitorBucketStore? store, string replica, bool reuseEvaluated = true)
        => new(Name, TenFeatures.Schema(), reference, new MonitoringOptions
        {
            Retention = TimeSpan.FromDays(7),
            SaveInterval = TimeSpan.Zero,
            BucketFlushInterval = TimeSpan.Zero,
            PendingOutcomeCapacity = 1_000,
            ReuseEvaluatedWindows = reuseEvaluated,
            ReplicaId = replica,
        }, clock, stateDirectory: null, meterFactory: null, bucketStore: store);

    private PostgreSqlMonitorBucketStore Store() => new(new PostgreSqlOptions { ConnectionString = _connectionString, Schema = _schema! });

    private TDisposable Own<TDisposable>(TDisposable disposable)
        where TDisposable : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
