using System.Diagnostics;

namespace MlValue.Serving;

/// <summary>The request path: one volatile read and one reference per arm, no allocation of its own.</summary>
internal sealed partial class Predictor<TInput, TOutput>
{
    public Prediction<TOutput> Predict(TInput input) => Predict(input, default);

    public Prediction<TOutput> Predict(TInput input, PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = AcquireAnswering(request.RoutingKey, out var stripe);
        TOutput output;
        try
        {
            output = Run(loaded, input);
        }
        finally
        {
            loaded.Release(stripe);
        }

        var correlationId = request.CorrelationId;
        if (_observers is not null)
        {
            var now = _time.GetUtcNow();
            correlationId ??= NewCorrelationId(now);
            Notify(new PredictionEvent<TInput, TOutput>(correlationId, now, ModelName, loaded.Version, loaded.Arm, input, output));
        }

        if (_shadow is not null && loaded.Arm == ServingArm.Primary)
        {
            Shadow(input, output, loaded.Version, ref correlationId);
        }

        return new Prediction<TOutput>(output, ModelName, loaded.Version, loaded.Arm, correlationId);
    }

    private LoadedModel<TInput, TOutput> AcquireAnswering(string? routingKey, out int stripe)
    {
        if (_canary is not null && routingKey is not null && _router!.IsCanary(routingKey) && _canary.Acquire(out stripe) is { } canary)
        {
            return canary;
        }

        return _primary.Acquire(out stripe) ?? throw NotReady(null);
    }

    private TOutput Run(LoadedModel<TInput, TOutput> loaded, TInput input)
    {
        if (!_telemetry.Duration.Enabled)
        {
            var result = loaded.Model.Predict(input);
            _telemetry.Predictions.Add(1, loaded.Tags);
            return result;
        }

        var start = Stopwatch.GetTimestamp();
        var output = loaded.Model.Predict(input);
        _telemetry.Duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, loaded.Tags);
        _telemetry.Predictions.Add(1, loaded.Tags);
        return output;
    }

    private string NewCorrelationId() => NewCorrelationId(_time.GetUtcNow());

    private static string NewCorrelationId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    private void Notify(in PredictionEvent<TInput, TOutput> prediction)
    {
        foreach (var observer in _observers!)
        {
            try
            {
                observer.OnPrediction(in prediction);
            }
#pragma warning disable CA1031 // An observer must never fail the request; its error is logged and counted.
            catch (Exception error)
#pragma warning restore CA1031
            {
                _telemetry.ObserverFailures.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", ModelName));
                ServingLog.ObserverFailed(_logger, error, ModelName);
            }
        }
    }

    private PredictorNotReadyException NotReady(Exception? cause)
    {
        var failure = cause is null ? _status.LastFailure(ServingArm.Primary) : null;
        var why = failure is not null
            ? $"the last load failed: {failure.Error}"
            : cause is not null ? "it could not be loaded" : "no version of the alias has been loaded yet (the alias may not be set, or the first load is still running)";
        var message = $"The predictor for model '{ModelName}' alias '{_primary.Alias}' is not ready: {why}. " +
            $"Register a version and set the alias (SetAliasAsync(\"{ModelName}\", \"{_primary.Alias}\", ...)), then await WarmUpAsync() at start-up before serving.";
        return cause is null ? new PredictorNotReadyException(message) : new PredictorNotReadyException(message, cause);
    }
}
