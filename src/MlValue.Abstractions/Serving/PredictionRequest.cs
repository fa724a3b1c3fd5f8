namespace MlValue.Serving;

/// <summary>Per-request routing and tracing data for <see cref="IPredictor{TInput, TOutput}.Predict(TInput, PredictionRequest)"/>.</summary>
public readonly struct PredictionRequest
{
    /// <summary>
    /// The sticky routing key for canary traffic (for example a user id): the same key always goes
    /// to the same arm. Without a key the request goes to the primary arm.
    /// </summary>
    public string? RoutingKey { get; init; }

    /// <summary>
    /// The correlation id passed to observers and disagreement records (for example a request id,
    /// later joined with the outcome). When absent and an observer is registered, one is generated,
    /// which allocates one short string per call.
    /// </summary>
    public string? CorrelationId { get; init; }
}
