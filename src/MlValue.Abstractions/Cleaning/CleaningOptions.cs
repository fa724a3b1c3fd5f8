namespace MlValue.Cleaning;

/// <summary>
/// Options of schema inference and validation, bound from <c>MlValue:Cleaning</c>. Shares are
/// fractions of the batch's rows (0.01 = 1 %).
/// </summary>
public class CleaningOptions
{
    /// <summary>The most distinct values a string column may have in the reference set to be inferred as
    /// categorical; above it the column is text, checked by length. Default: 20 values. At least 1.</summary>
    public int MaxCategories { get; set; } = 20;

    /// <summary>The share of batch rows with a category never seen in the reference set that is tolerated
    /// before an <see cref="AnomalyKind.UnseenCategory"/> is reported. Default: 0.01 (1 %). 0..1.</summary>
    public double UnseenCategoryTolerance { get; set; } = 0.01;

    /// <summary>The share of batch rows outside the reference range (numbers, timestamps, text lengths;
    /// NaN and ±Infinity count as outside) tolerated before an <see cref="AnomalyKind.OutOfRange"/> is reported.
    /// Default: 0.01 (1 %). 0..1.</summary>
    public double OutOfRangeTolerance { get; set; } = 0.01;

    /// <summary>How much the null/empty rate may rise above the reference rate (absolute difference)
    /// before a <see cref="AnomalyKind.NullRateJump"/> is reported. Default: 0.05 (5 points). 0..1.</summary>
    public double NullRateTolerance { get; set; } = 0.05;

    /// <summary>The share of batch rows whose text does not parse as the column type that is tolerated
    /// before a <see cref="AnomalyKind.TypeMismatch"/> is reported. Default: 0 (any). 0..1.</summary>
    public double TypeMismatchTolerance { get; set; }

    /// <summary>The affected share from which a distribution anomaly (unseen category, out of range,
    /// null-rate jump) is an <see cref="AnomalySeverity.Error"/> rather than a warning. Default: 0.25 (25 %). 0..1.</summary>
    public double ErrorShare { get; set; } = 0.25;

    /// <summary>How many example values an anomaly lists. Default: 5. 0..100.</summary>
    public int MaxExamples { get; set; } = 5;

    /// <summary>
    /// The columns that hold the time of each record (matched as the folder source matches headers).
    /// Inference marks them <see cref="ColumnSchema.IsEventTime"/>: validation checks that they parse
    /// and how often they are null, never their range, since a time-ordered stream moves past any
    /// reference range by design. Default: none.
    /// </summary>
    public IList<string> EventTimeColumns { get; } = [];

    /// <summary>The columns left out of inference and validation (identifiers, free text you do not
    /// want profiled); a batch that has them is not reported for them. Default: none.</summary>
    public IList<string> ExcludedColumns { get; } = [];

    /// <summary>
    /// How far the category shares of a batch may move from the reference shares, as total variation
    /// distance (half the sum of absolute share differences, 0..1), before a
    /// <see cref="AnomalyKind.CategoryShareShift"/> is reported; it is reported only when a chi-square
    /// test also finds the shift beyond sampling noise (<see cref="CategorySharePValue"/>), so a small
    /// batch is not flagged for chance and a large one not for a trivial difference. Default: 0.1. 0..1.
    /// </summary>
    public double CategoryShareTolerance { get; set; } = 0.1;

    /// <summary>The p-value below which a category share shift counts as beyond sampling noise. Default: 0.001. 0..1.</summary>
    public double CategorySharePValue { get; set; } = 0.001;
}
