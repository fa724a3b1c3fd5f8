using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using MlValue.Benchmarks.Support;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Benchmarks.Serving;

/// <summary>
/// Target 1: predictions through the MlValue predictor (alias-bound, pooled, hot-swap capable) against a raw
/// ML.NET <see cref="PredictionEngine{TSrc, TDst}"/> on the same model bytes, on 1 and 2 threads.
/// Raw ML.NET on 2 threads uses one engine per thread. "Monitored" records each prediction in an
/// <see cref="IModelMonitor{T}"/> right after it (no monitoring observer exists in the library yet).
/// </summary>
[MemoryDiagnoser]
public class ServingBenchmarks
{
    private const int Batch = 2048;
    private ServingHost _host = null!;
    private PredictionEngine<FlightFeatures, BinaryPrediction>[] _engines = null!;
    private IPredictor<FlightFeatures, BinaryPrediction> _predictor = null!;
    private ModelMonitor<FlightFeatures> _monitor = null!;
    private FlightFeatures[] _inputs = null!;
    private string[][] _ids = null!;

    /// <summary>Threads predicting at once; each runs <c>Batch / Threads</c> predictions per invocation.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Trains and serves the model, loads the same bytes into raw engines, builds the monitor.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rows = FlightFeatures.Generate(BenchmarkSettings.Scale(5_000, 400), seed: 1);
        _host = ServingHost.Create(rows, BenchmarkSettings.Scale(100, 5));
        _predictor = _host.Predictor;
        var ml = new MLContext(seed: 0);
        using var stream = _host.Artifact.OpenRead();
        var transformer = ml.Model.Load(stream, out _);
        _engines = [.. Enumerable.Range(0, 2).Select(_ => ml.Model.CreatePredictionEngine<FlightFeatures, BinaryPrediction>(transformer, ignoreMissingColumns: true))];
        _inputs = FlightFeatures.Generate(Batch, seed: 2);
        _ids = [CorrelationIds.Create(Batch, "a-"), CorrelationIds.Create(Batch, "b-")];
        var schema = FlightMonitor.Schema();
        _monitor = new ModelMonitor<FlightFeatures>(
            "serving-bench", schema, ReferenceProfile.Build(schema, rows, r => r.Label ? 0.8 : 0.2), new MonitoringOptions { SaveInterval = TimeSpan.Zero }, TimeProvider.System, stateDirectory: null);
    }

    /// <summary>Disposes the host, the engines and the monitor.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }

        _monitor.Dispose();
        _host.Dispose();
    }

    /// <summary>Raw ML.NET: one engine per thread.</summary>
    /// <returns>Number of positive predictions (kept alive).</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int RawMlNet() => Run(static (self, worker, input, _) => self._engines[worker].Predict(input).PredictedLabel);

    /// <summary>The MlValue predictor, monitoring off.</summary>
    /// <returns>Number of positive predictions.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int MlValuePredictor() => Run(static (self, _, input, _) => self._predictor.Predict(input).Value.PredictedLabel);

    /// <summary>The MlValue predictor, then <c>IModelMonitor.Record</c> for each prediction.</summary>
    /// <returns>Number of positive predictions.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int MlValuePredictorMonitored() => Run(static (self, worker, input, i) =>
    {
        var prediction = self._predictor.Predict(input);
        self._monitor.Record(input, prediction.Value.Probability, VersionNames.Of(prediction.Version), self._ids[worker][i]);
        return prediction.Value.PredictedLabel;
    });

    private int Run(Func<ServingBenchmarks, int, FlightFeatures, int, bool> predict)
    {
        if (Threads == 1)
        {
            return Work(predict, 0, Batch);
        }

        var per = Batch / Threads;
        var other = Task.Run(() => Work(predict, 1, per));
        return Work(predict, 0, per) + other.GetAwaiter().GetResult();
    }

    private int Work(Func<ServingBenchmarks, int, FlightFeatures, int, bool> predict, int worker, int count)
    {
        var positives = 0;
        var inputs = _inputs;
        for (var i = 0; i < count; i++)
        {
            positives += predict(this, worker, inputs[i], i) ? 1 : 0;
        }

        return positives;
    }
}
