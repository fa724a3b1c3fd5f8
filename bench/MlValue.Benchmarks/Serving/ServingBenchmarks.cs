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
/// Raw ML.NET on 2 threads uses one engine per thread. "Monitored" predicts through a predictor registered with
/// <c>AddPredictionMonitoring</c>: its <see cref="MonitoringPredictionObserver{TIn}"/> records each prediction in the
/// <see cref="IModelMonitor{T}"/>; the caller passes its correlation id, as a request handler would.
/// </summary>
[MemoryDiagnoser]
public class ServingBenchmarks
{
    private const int Batch = 2048;
    private ServingHost _host = null!;
    private PredictionEngine<FlightFeatures, BinaryPrediction>[] _engines = null!;
    private IPredictor<FlightFeatures, BinaryPrediction> _predictor = null!;
    private IPredictor<FlightFeatures, BinaryPrediction> _monitored = null!;
    private FlightFeatures[] _inputs = null!;
    private string[][] _ids = null!;

    /// <summary>Threads predicting at once; each runs <c>Batch / Threads</c> predictions per invocation.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Trains and serves the model (plain and monitored), loads the same bytes into raw engines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rows = FlightFeatures.Generate(BenchmarkSettings.Scale(5_000, 400), seed: 1);
        _host = ServingHost.Create(rows, BenchmarkSettings.Scale(100, 5));
        _predictor = _host.Predictor;
        _monitored = _host.MonitoredPredictor;
        var ml = new MLContext(seed: 0);
        using var stream = _host.Artifact.OpenRead();
        var transformer = ml.Model.Load(stream, out _);
        _engines = [.. Enumerable.Range(0, 2).Select(_ => ml.Model.CreatePredictionEngine<FlightFeatures, BinaryPrediction>(transformer, ignoreMissingColumns: true))];
        _inputs = FlightFeatures.Generate(Batch, seed: 2);
        _ids = [CorrelationIds.Create(Batch, "a-"), CorrelationIds.Create(Batch, "b-")];
    }

    /// <summary>Disposes the host and the engines.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }

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

    /// <summary>The MlValue predictor with <c>AddPredictionMonitoring</c>: the observer records each prediction.</summary>
    /// <returns>Number of positive predictions.</returns>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int MlValuePredictorMonitored() => Run(static (self, worker, input, i)
        => self._monitored.Predict(input, new PredictionRequest { CorrelationId = self._ids[worker][i] }).Value.PredictedLabel);

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
