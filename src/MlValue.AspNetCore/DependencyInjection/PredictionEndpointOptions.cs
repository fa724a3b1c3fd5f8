namespace MlValue.AspNetCore;

/// <summary>
/// Settings of the HTTP routes mapped by <c>MapPredictor</c> and of the health check, bound from
/// <c>MlValue:AspNetCore</c> and validated at start-up.
/// </summary>
public sealed class PredictionEndpointOptions
{
    /// <summary>The largest request body accepted, in bytes; a larger one is answered with 413 and never reaches the model. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most records one request may carry (a JSON array on the typed route, the first dimension of the OIP tensors). Default: 1000.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>A path prefix put before every route (for example <c>api</c> gives <c>/api/models/{name}/predict</c> and <c>/api/v2/...</c>). Default: none.</summary>
    public string RoutePrefix { get; set; } = string.Empty;

    /// <summary>The request and response header carrying the correlation id. Default: <c>MlValue-Correlation-Id</c>.</summary>
    public string CorrelationIdHeader { get; set; } = "MlValue-Correlation-Id";

    /// <summary>The request header carrying the sticky canary routing key (for example a user id). Default: <c>MlValue-Routing-Key</c>.</summary>
    public string RoutingKeyHeader { get; set; } = "MlValue-Routing-Key";

    /// <summary>The seconds sent in <c>Retry-After</c> with a 503 answer while no version of a model is loaded. Default: 5.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>The server name of the OIP server metadata (<c>GET /v2</c>). Default: <c>mlvalue</c>.</summary>
    public string ServerName { get; set; } = "mlvalue";

    /// <summary>The monitor window the health check reads for drift: the latest complete tumbling window of this size. Default: 1 day.</summary>
    public TimeSpan DriftWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The most versions each model keeps loaded for the OIP version path (<c>v2/models/{name}/versions/{v}/infer</c>) beside
    /// those its predictor serves; one more evicts the least recently used, which is disposed once its in-flight requests
    /// finish and loaded again if requested again. Default: 4.
    /// </summary>
    public int MaxPinnedVersions { get; set; } = 4;
}
