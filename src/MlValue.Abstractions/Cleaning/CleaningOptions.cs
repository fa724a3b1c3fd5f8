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
}
