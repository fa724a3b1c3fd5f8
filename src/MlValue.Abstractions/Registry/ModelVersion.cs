namespace MlValue.Registry;

/// <summary>An immutable registered model version and its lineage.</summary>
public sealed class ModelVersion
{
    /// <summary>The model name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The version number, monotonic per model name, starting at 1.</summary>
    public required int Version { get; init; }

    /// <summary>The artifact's format id.</summary>
    public required string FormatId { get; init; }

    /// <summary>The SHA-256 of the artifact, verified on every load.</summary>
    public required string ArtifactSha256 { get; init; }

    /// <summary>The artifact's size in bytes.</summary>
    public required long ArtifactSize { get; init; }

    /// <summary>The trainer's name.</summary>
    public required string TrainerName { get; init; }

    /// <summary>The hyperparameters, by name.</summary>
    public required IReadOnlyDictionary<string, string> Hyperparameters { get; init; }

    /// <summary>The training seed.</summary>
    public int? Seed { get; init; }

    /// <summary>The training dataset ids.</summary>
    public required IReadOnlyList<string> TrainingDatasetIds { get; init; }

    /// <summary>The evaluation dataset ids.</summary>
    public required IReadOnlyList<string> EvaluationDatasetIds { get; init; }

    /// <summary>The metrics, by name.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The parent version, if any.</summary>
    public int? ParentVersion { get; init; }

    /// <summary>The informational version of the code that registered it.</summary>
    public required string CodeVersion { get; init; }

    /// <summary>When it was registered, from the registry's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The names of the attachments stored with it, with their SHA-256.</summary>
    public required IReadOnlyDictionary<string, string> Attachments { get; init; }

    /// <summary>Whether it is archived (kept, but hidden from default listings).</summary>
    public bool Archived { get; init; }
}
