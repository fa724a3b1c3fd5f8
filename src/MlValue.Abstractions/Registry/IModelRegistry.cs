using MlValue.Training;

namespace MlValue.Registry;

/// <summary>
/// The model registry: monotonic, immutable versions per model name with their lineage, and
/// named aliases (<c>champion</c>, <c>challenger</c>, any name) moved by compare-and-swap.
/// </summary>
public interface IModelRegistry
{
    /// <summary>
    /// Registers a new version of <see cref="ModelRegistration.ModelName"/>: the artifact is stored
    /// and verified first, then the version becomes visible with the next number (1, 2, 3…).
    /// </summary>
    /// <param name="registration">What to register.</param>
    /// <param name="cancellationToken">Cancels before the version becomes visible.</param>
    /// <returns>The registered version.</returns>
    Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Gets one version, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The version or <see langword="null"/>.</returns>
    Task<ModelVersion?> GetVersionAsync(string modelName, int version, CancellationToken cancellationToken = default);

    /// <summary>Gets the version an alias points to, or <see langword="null"/> when the alias is not set.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias, for example <c>champion</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The version or <see langword="null"/>.</returns>
    Task<ModelVersion?> GetByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a version's artifact and verifies its SHA-256; a missing or corrupted artifact raises
    /// <see cref="ModelRegistryException"/> naming the version and the expected hash.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The verified artifact.</returns>
    Task<ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a named attachment stored with a version (for example the reference profile for drift),
    /// verified like the artifact, or <see langword="null"/> when the version has no such attachment.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="attachmentName">The attachment name given at registration.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The attachment's bytes or <see langword="null"/>.</returns>
    Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an alias to <paramref name="version"/> if it currently points to
    /// <paramref name="expectedCurrentVersion"/> (<see langword="null"/>: not set yet); otherwise raises
    /// <see cref="AliasConflictException"/>. The move is recorded in the alias history.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version to point to.</param>
    /// <param name="expectedCurrentVersion">The version the caller believes the alias points to now.</param>
    /// <param name="reason">Why it moves, kept in the history (for example the promotion decision).</param>
    /// <param name="cancellationToken">Cancels before the move.</param>
    /// <returns>The recorded move.</returns>
    Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default);

    /// <summary>Moves an alias back to the version it pointed to before its last move, and records that move.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="reason">Why it is rolled back.</param>
    /// <param name="cancellationToken">Cancels before the move.</param>
    /// <returns>The recorded move.</returns>
    Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default);

    /// <summary>The moves of an alias, oldest first.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The history.</returns>
    Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default);

    /// <summary>Lists versions that match a query, by model name then version.</summary>
    /// <param name="query">The query; an empty query lists every version.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The matching versions.</returns>
    Task<IReadOnlyList<ModelVersion>> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default);
}
