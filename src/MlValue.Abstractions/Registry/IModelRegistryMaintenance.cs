namespace MlValue.Registry;

/// <summary>
/// Registry operations beyond the everyday contract of <see cref="IModelRegistry"/>: a version's full
/// lineage, the aliases of a model, retention of old versions and garbage collection of unused blobs.
/// The default registry implements both interfaces on one instance.
/// </summary>
public interface IModelRegistryMaintenance
{
    /// <summary>A version's lineage with the alias moves (promotion decisions) that pointed an alias at it.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The lineage, or <see langword="null"/> when the version does not exist.</returns>
    Task<ModelLineage?> GetLineageAsync(string modelName, int version, CancellationToken cancellationToken = default);

    /// <summary>The aliases of a model and the versions they point to, by alias name.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The aliases.</returns>
    Task<IReadOnlyDictionary<string, int>> GetAliasesAsync(string modelName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Archives or deletes the versions of a model older than the newest <see cref="RetentionPolicy.KeepLast"/>,
    /// in one transaction, never touching a version that an alias points to.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="policy">What to keep and what to do with the rest.</param>
    /// <param name="cancellationToken">Cancels before the change.</param>
    /// <returns>What was archived, deleted and kept because an alias points to it.</returns>
    Task<RetentionResult> ApplyRetentionAsync(string modelName, RetentionPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the blobs no remaining version or attachment refers to (a blob shared with another version
    /// is kept), and temporary files left by interrupted writes once older than the grace period.
    /// </summary>
    /// <param name="cancellationToken">Cancels before the collection.</param>
    /// <returns>What was deleted and kept.</returns>
    Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default);
}
