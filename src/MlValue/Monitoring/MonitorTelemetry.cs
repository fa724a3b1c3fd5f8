using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Monitoring;

/// <summary>
/// The monitoring instruments, created once per meter (see <see cref="MlValueMeter"/>). The drift-score
/// gauge observes the monitors registered with this instance, so each meter reports its own monitors.
/// </summary>
internal sealed class MonitorTelemetry
{
    public const string MonitorTag = "mlvalue.monitor.name";

    private readonly ConcurrentDictionary<IDriftScoreSource, byte> _sources = new();

    public MonitorTelemetry(Meter meter)
    {
        Records = meter.CreateCounter<long>("mlvalue.monitor.records", "{record}", "Predictions recorded by a model monitor.");
        LateRecords = meter.CreateCounter<long>("mlvalue.monitor.late_records", "{record}", "Records later than the allowed lateness: counted, not stored.");
        UnknownOutcomes = meter.CreateCounter<long>("mlvalue.monitor.unknown_outcomes", "{outcome}", "Outcomes whose correlation id has no pending prediction, or whose bucket expired.");
        SaveFailures = meter.CreateCounter<long>("mlvalue.monitor.save_failures", "{save}", "Periodic state saves that failed; the next save retries.");
        meter.CreateObservableGauge("mlvalue.monitor.drift_score", Observe, "1", "Latest drift score per feature and metric (PSI, Jensen–Shannon, KS, chi-square p-value) of each monitor's latest evaluated window.");
    }

    public Counter<long> Records { get; }

    public Counter<long> LateRecords { get; }

    public Counter<long> UnknownOutcomes { get; }

    public Counter<long> SaveFailures { get; }

    public void Register(IDriftScoreSource source) => _sources.TryAdd(source, 0);

    public void Unregister(IDriftScoreSource source) => _sources.TryRemove(source, out _);

    private IEnumerable<Measurement<double>> Observe()
        => _sources.Keys.SelectMany(s => s.DriftScores()).ToList();
}

/// <summary>A monitor whose latest drift scores are published on the drift-score gauge.</summary>
internal interface IDriftScoreSource
{
    IReadOnlyList<Measurement<double>> DriftScores();
}
