namespace MlValue.Serving;

/// <summary>
/// Options of one predictor, named by model name and bound from <c>MlValue:Serving:&lt;modelName&gt;</c>.
/// Validated at start-up; a bad value fails with a message naming the setting.
/// </summary>
public class ServingOptions
{
    /// <summary>The primary alias whose version answers requests. Default: <c>champion</c>.</summary>
    public string Alias { get; set; } = "champion";

    /// <summary>
    /// How often the registry is asked whether an alias moved. Default: 30 seconds.
    /// <see cref="TimeSpan.Zero"/> turns polling off (refresh with <see cref="IPredictor{TInput, TOutput}.RefreshAsync"/> only).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The alias scored beside the primary on every primary request (for example <c>challenger</c>);
    /// its answer is compared, never returned. Default: <see langword="null"/> (no shadow).
    /// </summary>
    public string? ShadowAlias { get; set; }

    /// <summary>The alias that answers <see cref="CanaryShare"/> of the routing keys. Default: <see langword="null"/> (no canary).</summary>
    public string? CanaryAlias { get; set; }

    /// <summary>
    /// The share of routing keys, in [0, 1], sent to <see cref="CanaryAlias"/>; the same key always
    /// goes to the same arm. Requests without a routing key go to the primary. Default: 0.
    /// </summary>
    public double CanaryShare { get; set; }

    /// <summary>
    /// How far the shadow may differ before it counts as a disagreement, as an absolute difference of
    /// probabilities (binary, multiclass) or scores (regression). Default: 0.05.
    /// </summary>
    public double DisagreementTolerance { get; set; } = 0.05;
}
