using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Monitoring;

/// <summary>The monitoring instruments on the <c>MlValue</c> meter, created once.</summary>
internal static class MonitorTelemetry
{
    public const string MonitorTag = "mlvalue.monitor.name";

    public static readonly Counter<long> Records = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.monitor.records", "{record}", "Predictions recorded by a model monitor.");

    public static readonly Counter<long> LateRecords = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.monitor.late_records", "{record}", "Records later than the allowed lateness: counted, not stored.");

    public static readonly Counter<long> UnknownOutcomes = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.monitor.unknown_outcomes", "{outcome}", "Outcomes whose correlation id has no pending prediction, or whose bucket expired.");

    public static readonly Counter<long> SaveFailures = MlValueTelemetry.Meter.CreateCounter<long>("mlvalue.monitor.save_failures", "{save}", "Periodic state saves that failed; the next save retries.");

    private static readonly ConcurrentDictionary<IDriftScoreSource, byte> Sources = new();

    static MonitorTelemetry()
    {
        MlValueTelemetry.Meter.CreateObservableGauge("mlvalue.monitor.drift_score", Observe, "1", "Latest drift score per feature and metric (PSI, Jensen–Shannon, KS, chi-square p-value) of each monitor's latest evaluated window.");
    }

    public static void Register(IDriftScoreSource source) => Sources.TryAdd(source, 0);

    public static void Unregister(IDriftScoreSource source) => Sources.TryRemove(source, out _);

    private static IEnumerable<Measurement<double>> Observe()
        => Sources.Keys.SelectMany(s => s.DriftScores()).ToList();
}

/// <summary>A monitor whose latest drift scores are published on the drift-score gauge.</summary>
internal interface IDriftScoreSource
{
    IReadOnlyList<Measurement<double>> DriftScores();
}
