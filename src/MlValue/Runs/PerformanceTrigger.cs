using System.Globalization;

namespace MlValue.Runs;

/// <summary>Fires when a live performance metric crosses its threshold (for example F1 below 0.8).</summary>
public sealed class PerformanceTrigger : ITrigger
{
    private readonly Func<CancellationToken, ValueTask<double?>> _currentValue;

    /// <summary>Creates the trigger.</summary>
    /// <param name="metric">The metric's name, for the reason text.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="currentValue">Returns the metric on the latest window with labels, or <see langword="null"/> when none has labels yet.</param>
    /// <param name="higherIsBetter">Whether higher values are better (F1, AUC) or worse (log-loss, RMSE). Default: higher is better.</param>
    public PerformanceTrigger(string metric, double threshold, Func<CancellationToken, ValueTask<double?>> currentValue, bool higherIsBetter = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(currentValue);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        Metric = metric;
        Threshold = threshold;
        HigherIsBetter = higherIsBetter;
        _currentValue = currentValue;
    }

    /// <summary>The metric's name.</summary>
    public string Metric { get; }

    /// <summary>The threshold.</summary>
    public double Threshold { get; }

    /// <summary>Whether higher values are better.</summary>
    public bool HigherIsBetter { get; }

    /// <inheritdoc />
    public string Name => "performance";

    /// <inheritdoc />
    public async ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await _currentValue(cancellationToken).ConfigureAwait(false) is not { } value || double.IsNaN(value))
        {
            return TriggerDecision.Hold($"performance: no labelled window for {Metric} yet");
        }

        var bad = HigherIsBetter ? value < Threshold : value > Threshold;
        var relation = HigherIsBetter ? (bad ? "below" : "at or above") : (bad ? "above" : "at or below");
        var reason = string.Create(CultureInfo.InvariantCulture, $"performance: {Metric} {value:0.####} is {relation} the threshold {Threshold:0.####}");
        return bad ? TriggerDecision.Run(reason) : TriggerDecision.Hold(reason);
    }
}
