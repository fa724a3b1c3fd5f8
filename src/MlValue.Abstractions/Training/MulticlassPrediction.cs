namespace MlValue.Training;

/// <summary>The prediction of a multiclass classifier (column names as in ML.NET).</summary>
public sealed class MulticlassPrediction
{
    /// <summary>The predicted class.</summary>
    public string PredictedLabel { get; set; } = string.Empty;

    /// <summary>The probability of each class, in the order of the model's class list.</summary>
    public float[] Score { get; set; } = [];
}
