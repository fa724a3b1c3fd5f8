namespace MlValue.Evaluation;

/// <summary>Options of the evaluation stage, bound from <c>MlValue:Evaluation</c>.</summary>
public class EvaluationOptions
{
    /// <summary>Slices with fewer rows are flagged "too small to trust" and ignored by the
    /// promotion policy. Default: 30 rows. Must be at least 1.</summary>
    public int MinSliceSize { get; set; } = 30;

    /// <summary>How many highest-loss rows the worst-errors table keeps. Default: 10 rows; 0 turns it off; at most 1000.</summary>
    public int WorstErrorCount { get; set; } = 10;

    /// <summary>The longest rendering of an input in the worst-errors table. Default: 200 characters; 10 to 10 000.</summary>
    public int MaxInputLength { get; set; } = 200;

    /// <summary>The number of equal-width reliability bins over [0, 1]. Default: 10 bins; 2 to 100.</summary>
    public int CalibrationBins { get; set; } = 10;

    /// <summary>The most points kept of the ROC curve, so reports stay small. Default: 100 points; 2 to 10 000.</summary>
    public int RocPoints { get; set; } = 100;

    /// <summary>The promotion policy used when a comparison is not given one.</summary>
    public PromotionPolicy Policy { get; set; } = new();
}
