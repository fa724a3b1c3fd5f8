namespace MlValue.Training;

/// <summary>
/// The result of a training: the artifact and everything needed to trace it (trainer,
/// hyperparameters, seed, dataset ids, input schema, duration and training metrics).
/// </summary>
public sealed class TrainedModel
{
    /// <summary>The model as bytes with its format id; load it with <c>ModelFormatRegistry</c>.</summary>
    public required ModelArtifact Artifact { get; init; }

    /// <summary>The kind of prediction the model makes.</summary>
    public required PredictionTask Task { get; init; }

    /// <summary>The input columns the model reads (label included), in order.</summary>
    public required IReadOnlyList<ModelColumn> InputSchema { get; init; }

    /// <summary>The trainer's name, for example <c>mlnet-text-sdca-logistic</c> or <c>baseline-majority</c>.</summary>
    public required string TrainerName { get; init; }

    /// <summary>The hyperparameters, formatted with the invariant culture, sorted by name.</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }

    /// <summary>The seed the model was trained with.</summary>
    public required int Seed { get; init; }

    /// <summary>The ids of the datasets the model was trained on.</summary>
    public required IReadOnlyList<string> DatasetIds { get; init; }

    /// <summary>The number of training rows.</summary>
    public required long RowCount { get; init; }

    /// <summary>How long the training took, measured with the injected <see cref="TimeProvider"/>.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Metrics on the training data (for example <c>accuracy</c>, <c>auc</c>, <c>rmse</c>); full evaluation is a later stage.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
}
