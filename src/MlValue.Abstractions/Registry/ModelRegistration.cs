using MlValue.Training;

namespace MlValue.Registry;

/// <summary>What to register as a new model version, with its lineage.</summary>
public sealed partial class ModelRegistration
{
    /// <summary>The model name: letters, digits, '.', '-' and '_' only.</summary>
    public required string ModelName { get; init; }

    /// <summary>The trained artifact.</summary>
    public required ModelArtifact Artifact { get; init; }

    /// <summary>The name of the trainer that produced it.</summary>
    public required string TrainerName { get; init; }

    /// <summary>The hyperparameters, by name.</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The training seed.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// The content-addressed ids of the training datasets (for example <c>TrainedModel.DatasetIds</c>).
    /// Required: a registration without one is refused, so every version can be traced to its data.
    /// </summary>
    public IReadOnlyList<string> TrainingDatasetIds { get; init; } = [];

    /// <summary>The content-addressed ids of the evaluation datasets.</summary>
    public IReadOnlyList<string> EvaluationDatasetIds { get; init; } = [];

    /// <summary>Metrics, by name (for example <c>auc</c>, <c>f1</c>).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The version this one was derived from (for example the champion it challenges).</summary>
    public int? ParentVersion { get; init; }

    /// <summary>Free tags, by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra named blobs stored and verified with the version (for example <c>reference-profile</c>).</summary>
    public IReadOnlyDictionary<string, byte[]> Attachments { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>
    /// The version of the code that trained it (for example the informational version of the training
    /// application). Default: <see langword="null"/>, meaning the registry's
    /// <c>ModelRegistryOptions.CodeVersion</c>, else the entry assembly's informational version, else MlValue's.
    /// </summary>
    public string? CodeVersion { get; init; }
}
