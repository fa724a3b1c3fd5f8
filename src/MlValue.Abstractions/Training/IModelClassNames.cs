namespace MlValue.Training;

/// <summary>
/// A multiclass model that names its classes in the order of <see cref="MulticlassPrediction.Score"/>.
/// An evaluator aligns such a model's scores with the holdout's classes by name, so models trained
/// on different class sets (one never saw a rare class) are measured on one holdout. Give a class
/// list to any model with <see cref="MulticlassModelExtensions.WithClassNames{TInput}"/>.
/// </summary>
public interface IModelClassNames
{
    /// <summary>The model's classes, in the order of <see cref="MulticlassPrediction.Score"/>.</summary>
    IReadOnlyList<string> ClassNames { get; }
}
