namespace MlValue.Training;

/// <summary>The prediction of a regression model (column name as in ML.NET).</summary>
public sealed class RegressionPrediction
{
    /// <summary>The predicted value.</summary>
    public float Score { get; set; }
}
