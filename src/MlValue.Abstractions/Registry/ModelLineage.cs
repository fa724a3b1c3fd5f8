namespace MlValue.Registry;

/// <summary>Where a version came from and how it was promoted: render it with <c>RegistryMarkdown.Lineage</c>.</summary>
public sealed class ModelLineage
{
    /// <summary>The version with its datasets, trainer, hyperparameters, seed, metrics, parent, code version and tags.</summary>
    public required ModelVersion Version { get; init; }

    /// <summary>The alias moves that pointed an alias at this version (the promotion decisions), oldest first.</summary>
    public required IReadOnlyList<AliasMove> Promotions { get; init; }
}
