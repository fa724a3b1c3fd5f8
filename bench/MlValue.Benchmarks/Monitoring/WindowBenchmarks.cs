using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Monitoring;

/// <summary>
/// Target 4: drift reports over 7 days of 1-minute buckets (10,080 buckets) for 20 features, at two record
/// counts. Baseline: one 1-hour window (60 buckets). The sliding report is 1-hour windows every 30 minutes over
/// the whole retention; the full window merges all 10,080 buckets into one drift report.
/// </summary>
[MemoryDiagnoser]
public class WindowBenchmarks
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private ModelMonitor<TwentyFeatures> _monitor = null!;
    private ModelMonitor<TwentyFeatures> _afresh = null!;
    private DateTimeOffset _end;

    /// <summary>Records spread evenly over the 7 days.</summary>
    [Params(100_000, 1_000_000)]
    public int Records { get; set; }

    /// <summary>Fills 7 days of 1-minute buckets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var records = BenchmarkSettings.Smoke ? Records / 100 : Records;
        var schema = TwentyFeatures.Schema();
        var inputs = TwentyFeatures.Generate(5_000, seed: 1);
        var reference = ReferenceProfile.Build(schema, inputs, r => r.Numbers[0] / 2);
        _monitor = Filled(schema, reference, inputs, records, reuseEvaluated: true);
        _afresh = Filled(schema, reference, inputs, records, reuseEvaluated: false);
        _end = Start.AddDays(7);
    }

    /// <summary>Disposes the monitor.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _monitor.Dispose();
        _afresh.Dispose();
    }

    /// <summary>One drift report over the last hour (60 buckets).</summary>
    /// <returns>The window.</returns>
    [Benchmark(Baseline = true)]
    public MonitorWindow LastHour() => _monitor.GetWindow(_end.AddHours(-1), _end);

    /// <summary>1-hour windows every 30 minutes over 7 days (336 drift reports).</summary>
    /// <returns>The windows.</returns>
    [Benchmark]
    public IReadOnlyList<MonitorWindow> Sliding7DaysHourlyEvery30Minutes() => _monitor.GetWindows(WindowSpec.Sliding(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)));

    /// <summary>The sliding report with every one of its 336 windows evaluated again from cached panes (a first report, or one after every bucket changed), on a monitor that does not reuse evaluated windows.</summary>
    /// <returns>The windows.</returns>
    [Benchmark]
    public IReadOnlyList<MonitorWindow> Sliding7DaysEvaluatedAfresh() => _afresh.GetWindows(WindowSpec.Sliding(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)));

    /// <summary>One drift report over all 7 days (10,080 buckets merged).</summary>
    /// <returns>The window.</returns>
    [Benchmark]
    public MonitorWindow Full7Days() => _monitor.GetWindow(Start, _end);

    private static ModelMonitor<TwentyFeatures> Filled(MonitorSchema<TwentyFeatures> schema, ReferenceProfile reference, IReadOnlyList<TwentyFeatures> inputs, int records, bool reuseEvaluated)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new MonitoringOptions { BucketWidth = TimeSpan.FromMinutes(1), Retention = TimeSpan.FromDays(7), SaveInterval = TimeSpan.Zero, PendingOutcomeCapacity = 1_000, ReuseEvaluatedWindows = reuseEvaluated };
        var monitor = new ModelMonitor<TwentyFeatures>("window-bench", schema, reference, options, clock, stateDirectory: null);
        var span = TimeSpan.FromDays(7).Ticks;
        var ids = CorrelationIds.Create(2_000, "w-");
        for (var i = 0; i < records; i++)
        {
            var now = Start.AddTicks(span * i / records);
            clock.SetUtcNow(now);
            var input = inputs[i % inputs.Count];
            monitor.Record(input, input.Numbers[0] / 2, "7", ids[i % ids.Length], now);
        }

        clock.SetUtcNow(Start.AddDays(7).AddTicks(-1));
        return monitor;
    }
}
