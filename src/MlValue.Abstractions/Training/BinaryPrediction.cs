namespace MlValue.Training;

/// <summary>
/// The prediction of a binary classifier. Column names match ML.NET's binary trainers, so an
/// ML.NET model writes into it directly; the no-ML baseline fills it the same way.
/// </summary>
public sealed class BinaryPrediction
{
    /// <summary>The predicted class.</summary>
    public bool PredictedLabel { get; set; }

    /// <summary>The raw score (margin); higher means more likely positive.</summary>
    public float Score { get; set; }

    /// <summary>The calibrated probability of the positive class, in [0, 1].</summary>
    public float Probability { get; set; }
}
