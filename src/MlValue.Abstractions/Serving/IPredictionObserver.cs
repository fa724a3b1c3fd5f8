namespace MlValue.Serving;

/// <summary>
/// Sees every prediction of a predictor (the seam the monitor plugs into). Register it in DI as
/// <c>IPredictionObserver&lt;TInput, TOutput&gt;</c> (all models of these types) or keyed by model
/// name (one model). With none registered, predictions pay nothing for it. Called on the request
/// thread: keep it fast and non-blocking; an exception is logged and counted, never returned.
/// </summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public interface IPredictionObserver<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>Called once per prediction of each arm (primary or canary, and shadow when configured).</summary>
    /// <param name="prediction">The prediction, valid only during the call.</param>
    void OnPrediction(in PredictionEvent<TInput, TOutput> prediction);

    /// <summary>Called when the shadow arm disagrees with the primary arm. Default: nothing.</summary>
    /// <param name="disagreement">The disagreement, valid only during the call.</param>
    void OnDisagreement(in ShadowDisagreement<TInput, TOutput> disagreement)
    {
    }

    /// <summary>
    /// Called after each successful swap of an arm (off the request path, inside the predictor's refresh, which
    /// waits for it), for example to follow the served version's reference profile. An exception is logged and the
    /// swap stands. Default: nothing.
    /// </summary>
    /// <param name="change">The swap (<see cref="ServingEvent.Succeeded"/> is true; <see cref="ServingEvent.ToVersion"/> is the version now served).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task that completes when the observer has followed the change.</returns>
    ValueTask OnServingChangedAsync(ServingEvent change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
