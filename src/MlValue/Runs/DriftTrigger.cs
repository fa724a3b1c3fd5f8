namespace MlValue.Runs;

/// <summary>Fires when the monitor reports drift on at least one feature (or on the predictions).</summary>
public sealed class DriftTrigger : ITrigger
{
    private readonly Func<CancellationToken, ValueTask<IReadOnlyList<string>>> _driftedFeatures;

    /// <summary>Creates the trigger.</summary>
    /// <param name="driftedFeatures">
    /// Returns the names of the features whose latest window drifted (an empty list: no drift; a
    /// window with insufficient data gives no verdict and so no name).
    /// </param>
    public DriftTrigger(Func<CancellationToken, ValueTask<IReadOnlyList<string>>> driftedFeatures)
    {
        ArgumentNullException.ThrowIfNull(driftedFeatures);
        _driftedFeatures = driftedFeatures;
    }

    /// <inheritdoc />
    public string Name => "drift";

    /// <inheritdoc />
    public async ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var drifted = await _driftedFeatures(cancellationToken).ConfigureAwait(false);
        return drifted.Count > 0
            ? TriggerDecision.Run($"drift: {string.Join(", ", drifted)} drifted from the reference")
            : TriggerDecision.Hold("drift: no feature drifted");
    }
}
