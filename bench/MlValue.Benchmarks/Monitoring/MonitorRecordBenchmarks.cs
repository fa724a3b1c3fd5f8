using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Monitoring;

/// <summary>
/// Target 2: <c>IModelMonitor.Record</c> of a 10-feature record (8 numeric, 2 categorical) in at most 1 µs,
/// with 0 bytes allocated. Baseline: a loop that only reads the 10 feature values through the same accessors.
/// </summary>
[MemoryDiagnoser]
public class MonitorRecordBenchmarks
{
    private const int Batch = 4096;
    private readonly Func<TenFeatures, double>[] _numeric = [r => r.F0, r => r.F1, r => r.F2, r => r.F3, r => r.F4, r => r.F5, r => r.F6, r => r.F7];
    private readonly Func<TenFeatures, string>[] _categorical = [r => r.C8, r => r.C9];
    private ModelMonitor<TenFeatures> _monitor = null!;
    private TenFeatures[] _records = null!;
    private double[] _predictions = null!;
    private string[] _ids = null!;

    /// <summary>Builds the monitor with a reference profile and the records to replay.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var schema = TenFeatures.Schema();
        var reference = ReferenceProfile.Build(schema, TenFeatures.Generate(BenchmarkSettings.Scale(20_000, 500), seed: 1), r => r.F0);
        _monitor = new ModelMonitor<TenFeatures>("record-bench", schema, reference, new MonitoringOptions { SaveInterval = TimeSpan.Zero }, TimeProvider.System, stateDirectory: null);
        _records = TenFeatures.Generate(Batch, seed: 2);
        _predictions = [.. _records.Select(r => r.F0)];
        _ids = CorrelationIds.Create(Batch, "r-");
        for (var i = 0; i < Batch; i++)
        {
            _monitor.Record(_records[i], _predictions[i], "7", _ids[i]);
        }
    }

    /// <summary>Disposes the monitor.</summary>
    [GlobalCleanup]
    public void Cleanup() => _monitor.Dispose();

    /// <summary>Reads the 10 feature values of each record and nothing else.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public double ReadFeaturesOnly()
    {
        double sum = 0;
        var numeric = _numeric;
        var categorical = _categorical;
        foreach (var record in _records)
        {
            for (var f = 0; f < numeric.Length; f++)
            {
                sum += numeric[f](record);
            }

            for (var f = 0; f < categorical.Length; f++)
            {
                sum += categorical[f](record).Length;
            }
        }

        return sum;
    }

    /// <summary>Records each record with its prediction, version and correlation id.</summary>
    /// <returns>How many were accepted.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Record()
    {
        var accepted = 0;
        var records = _records;
        for (var i = 0; i < records.Length; i++)
        {
            accepted += _monitor.Record(records[i], _predictions[i], "7", _ids[i]) == RecordStatus.Accepted ? 1 : 0;
        }

        return accepted;
    }
}
