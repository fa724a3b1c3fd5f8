namespace MlValue.Evaluation;

/// <summary>
/// What the promotion policy demands of one metric: an absolute threshold, a minimum improvement
/// over the champion (absolute and/or relative), and no slice regression past a tolerance.
/// Direction-aware: "improve" means up for higher-is-better metrics and down for the others.
/// </summary>
public sealed class MetricRule
{
    /// <summary>The metric name, one of <see cref="MetricNames"/>. Required.</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>The value the challenger must reach (at least, or at most for lower-is-better
    /// metrics). Default: none.</summary>
    public double? Threshold { get; set; }

    /// <summary>The least absolute improvement over the champion, in metric units. Default: none
    /// (with no relative improvement either, the challenger must only not be worse).</summary>
    public double? MinAbsoluteImprovement { get; set; }

    /// <summary>The least improvement over the champion as a fraction of the champion's value
    /// (0.01 = 1 %). Default: none. When both are set, the larger margin applies.</summary>
    public double? MinRelativeImprovement { get; set; }

    /// <summary>Overrides the direction of the metric. Default: from <see cref="MetricNames.IsHigherBetter"/>.</summary>
    public bool? HigherIsBetter { get; set; }

    /// <summary>Whether every slice (large enough to trust) must not regress against the champion. Default: true.</summary>
    public bool CheckSlices { get; set; } = true;

    /// <summary>The largest regression allowed on a slice, in metric units. Default: the policy's
    /// <see cref="PromotionPolicy.SliceTolerance"/>.</summary>
    public double? SliceTolerance { get; set; }

    /// <summary>Whether a higher value of <see cref="Metric"/> is better: <see cref="HigherIsBetter"/> if set, otherwise the metric's known direction.</summary>
    /// <returns>True when higher is better.</returns>
    public bool IsHigherBetter() => HigherIsBetter ?? MetricNames.IsHigherBetter(Metric);
}
