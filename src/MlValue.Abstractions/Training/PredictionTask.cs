namespace MlValue.Training;

/// <summary>The kind of prediction a model makes; it decides the prediction type a model is loaded into.</summary>
public enum PredictionTask
{
    /// <summary>Two classes (a <see langword="bool"/> label); predictions are <see cref="BinaryPrediction"/>.</summary>
    BinaryClassification,

    /// <summary>Two or more named classes (a <see langword="string"/> label); predictions are <see cref="MulticlassPrediction"/>.</summary>
    MulticlassClassification,

    /// <summary>A real number (a <see langword="float"/> label); predictions are <see cref="RegressionPrediction"/>.</summary>
    Regression,
}
