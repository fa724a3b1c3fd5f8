namespace MlValue.Serving;

/// <summary>
/// Serves one registered model through an alias (for example <c>spam</c> at <c>champion</c>).
/// Thread-safe; the version behind the alias is swapped in without failing a request, and each
/// answer names the one version that produced it.
/// </summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public interface IPredictor<in TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>The model name this predictor serves.</summary>
    string ModelName { get; }

    /// <summary>Predicts with a routing key (canary) and a correlation id (observers, shadow records).</summary>
    /// <param name="input">The input record.</param>
    /// <param name="request">The routing key and correlation id.</param>
    /// <returns>The prediction with the version and arm that answered.</returns>
    /// <exception cref="PredictorNotReadyException">No version of the primary alias has been loaded yet.</exception>
    Prediction<TOutput> Predict(TInput input, PredictionRequest request);

    /// <summary>
    /// Asks the registry where each alias points now and swaps in every version that moved, loaded
    /// fully before the switch. A version that fails to load is logged and counted, and the previous
    /// version keeps serving. Polling calls this at <c>ServingOptions.PollInterval</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the refresh; the served versions stay as they were.</param>
    /// <returns>A task that completes when the refresh is done.</returns>
    Task RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>Refreshes, then fails unless the primary alias is loaded: call it at start-up.</summary>
    /// <param name="cancellationToken">Cancels the warm-up.</param>
    /// <returns>A task that completes when the primary alias serves.</returns>
    /// <exception cref="PredictorNotReadyException">The primary alias is not set or its version could not be loaded.</exception>
    Task WarmUpAsync(CancellationToken cancellationToken = default);

    /// <summary>The versions served per arm, the swap log and the counts of failures and disagreements.</summary>
    /// <returns>A snapshot of the status.</returns>
    ServingStatus GetStatus();
}
