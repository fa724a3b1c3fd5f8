namespace MlValue.Evaluation;

/// <summary>The kind of model an evaluation measured.</summary>
public enum EvaluationTask
{
    /// <summary>A binary classifier (<see cref="MlValue.Training.BinaryPrediction"/>).</summary>
    Binary,

    /// <summary>A multiclass classifier (<see cref="MlValue.Training.MulticlassPrediction"/>).</summary>
    Multiclass,

    /// <summary>A regression model (<see cref="MlValue.Training.RegressionPrediction"/>).</summary>
    Regression,
}
