namespace MlValue.Serving;

/// <summary>Shadow scoring: the shadow alias predicts the same input, its answer is compared and never returned.</summary>
internal sealed partial class Predictor<TInput, TOutput>
{
    private void Shadow(TInput input, TOutput primaryOutput, int primaryVersion, ref string? correlationId)
    {
        var loaded = _shadow!.Acquire(out var stripe);
        if (loaded is null)
        {
            return;
        }

        TOutput output;
        try
        {
            output = Run(loaded, input);
        }
#pragma warning disable CA1031 // A failing shadow never fails the request; it is logged and counted.
        catch (Exception error)
#pragma warning restore CA1031
        {
            _status.ShadowFailed();
            _telemetry.ShadowFailures.Add(1, loaded.Tags);
            ServingLog.ShadowFailed(_logger, error, ModelName, loaded.Version);
            return;
        }
        finally
        {
            loaded.Release(stripe);
        }

        if (_observers is not null)
        {
            Notify(new PredictionEvent<TInput, TOutput>(correlationId!, _time.GetUtcNow(), ModelName, loaded.Version, ServingArm.Shadow, input, output));
        }

        if (!_comparer.Disagree(primaryOutput, output, _tolerance))
        {
            return;
        }

        correlationId ??= NewCorrelationId();
        _status.ShadowDisagreed();
        _telemetry.ShadowDisagreements.Add(1, loaded.Tags);
        ServingLog.ShadowDisagreed(_logger, ModelName, primaryVersion, loaded.Version, correlationId);
        if (_observers is not null)
        {
            var disagreement = new ShadowDisagreement<TInput, TOutput>(correlationId, _time.GetUtcNow(), ModelName, input, primaryVersion, primaryOutput, loaded.Version, output);
            foreach (var observer in _observers)
            {
                try
                {
                    observer.OnDisagreement(in disagreement);
                }
#pragma warning disable CA1031 // An observer must never fail the request.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    _telemetry.ObserverFailures.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", ModelName));
                    ServingLog.ObserverFailed(_logger, error, ModelName);
                }
            }
        }
    }
}
