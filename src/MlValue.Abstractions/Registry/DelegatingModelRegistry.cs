namespace MlValue.Registry;

/// <summary>
/// The base of a registry that wraps another (as <c>DelegatingChatClient</c> does in
/// Microsoft.Extensions.AI): every member forwards to <see cref="InnerRegistry"/>; override the ones a
/// decorator changes (an approval gate on alias moves, auditing, caching of reads).
/// </summary>
public abstract class DelegatingModelRegistry : IModelRegistry
{
    /// <summary>Wraps <paramref name="innerRegistry"/>.</summary>
    /// <param name="innerRegistry">The registry every call is forwarded to.</param>
    protected DelegatingModelRegistry(IModelRegistry innerRegistry)
    {
        ArgumentNullException.ThrowIfNull(innerRegistry);
        InnerRegistry = innerRegistry;
    }

    /// <summary>Gets the wrapped registry.</summary>
    protected IModelRegistry InnerRegistry { get; }

    /// <inheritdoc />
    public virtual Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
        => InnerRegistry.RegisterAsync(registration, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ModelVersion?> GetVersionAsync(string modelName, int version, CancellationToken cancellationToken = default)
        => InnerRegistry.GetVersionAsync(modelName, version, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ModelVersion?> GetByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default)
        => InnerRegistry.GetByAliasAsync(modelName, alias, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Training.ModelArtifact> LoadArtifactAsync(string modelName, int version, CancellationToken cancellationToken = default)
        => InnerRegistry.LoadArtifactAsync(modelName, version, cancellationToken);

    /// <inheritdoc />
    public virtual Task<byte[]?> LoadAttachmentAsync(string modelName, int version, string attachmentName, CancellationToken cancellationToken = default)
        => InnerRegistry.LoadAttachmentAsync(modelName, version, attachmentName, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
        => InnerRegistry.SetAliasAsync(modelName, alias, version, expectedCurrentVersion, reason, cancellationToken);

    /// <inheritdoc />
    public virtual Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default)
        => InnerRegistry.RollbackAliasAsync(modelName, alias, reason, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default)
        => InnerRegistry.GetAliasHistoryAsync(modelName, alias, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ModelVersion>> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default)
        => InnerRegistry.SearchAsync(query, cancellationToken);
}
