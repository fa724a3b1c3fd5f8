namespace MlValue.Monitoring;

/// <summary>The drift of one feature (or of the prediction) in one window against the reference profile.</summary>
public sealed record FeatureDrift
{
    /// <summary>The feature name (<c>prediction</c> for the prediction).</summary>
    public required string Feature { get; init; }

    /// <summary>How the feature is summarised.</summary>
    public required FeatureKind Kind { get; init; }

    /// <summary>The verdict.</summary>
    public required DriftVerdict Verdict { get; init; }

    /// <summary>Why: which statistics crossed which thresholds, or what data is missing.</summary>
    public required string Reason { get; init; }

    /// <summary>Non-missing values in the window (texts: non-null texts).</summary>
    public long Count { get; init; }

    /// <summary>Missing values in the window: null, NaN or infinite.</summary>
    public long Missing { get; init; }

    /// <summary>Mean in the window (numeric: the value; text: the length in characters).</summary>
    public double? Mean { get; init; }

    /// <summary>Numeric: the smallest value in the window (exact).</summary>
    public double? Minimum { get; init; }

    /// <summary>Numeric: the largest value in the window (exact).</summary>
    public double? Maximum { get; init; }

    /// <summary>Numeric: the estimated 5th percentile of the window, within the quantile sketch's rank error.</summary>
    public double? P05 { get; init; }

    /// <summary>Numeric: the estimated median of the window, within the quantile sketch's rank error.</summary>
    public double? Median { get; init; }

    /// <summary>Numeric: the estimated 95th percentile of the window, within the quantile sketch's rank error.</summary>
    public double? P95 { get; init; }

    /// <summary>Mean in the reference.</summary>
    public double? ReferenceMean { get; init; }

    /// <summary>Population stability index on the reference bins or categories.</summary>
    public double? Psi { get; init; }

    /// <summary>Jensen–Shannon distance (base 2) on the reference bins or categories.</summary>
    public double? JensenShannon { get; init; }

    /// <summary>Kolmogorov–Smirnov statistic from the quantile sketches, less their rank-error bounds.</summary>
    public double? KsStatistic { get; init; }

    /// <summary>Asymptotic p-value of <see cref="KsStatistic"/>.</summary>
    public double? KsPValue { get; init; }

    /// <summary>Chi-square statistic of the window's categories against the reference proportions.</summary>
    public double? ChiSquare { get; init; }

    /// <summary>p-value of <see cref="ChiSquare"/>.</summary>
    public double? ChiSquarePValue { get; init; }

    /// <summary>Categorical: window values in categories the reference never saw.</summary>
    public long? NewCategoryCount { get; init; }

    /// <summary>Categorical: HyperLogLog estimate of distinct categories in the window.</summary>
    public double? DistinctEstimate { get; init; }

    /// <summary>Text: share of the window's tokens unseen in the reference vocabulary.</summary>
    public double? UnseenTokenShare { get; init; }

    /// <summary>Text: the reference's own held-out unseen share, the baseline for <see cref="UnseenTokenShare"/>.</summary>
    public double? BaselineUnseenTokenShare { get; init; }
}
