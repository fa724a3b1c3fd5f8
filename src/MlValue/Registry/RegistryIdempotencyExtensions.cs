namespace MlValue.Registry;

/// <summary>
/// Registry effects that a re-executed step does not repeat: a registration made once per idempotency key
/// (kept as the system tag <see cref="IdempotencyKeyTag"/> and looked up before registering), and an alias
/// moved once by compare-and-swap against the version the caller expected. A loop step uses
/// <c>StepContext.IdempotencyKey</c> (loop, run and step), so a step re-executed after its worker died
/// finds what the dead attempt did instead of doing it again.
/// </summary>
public static class RegistryIdempotencyExtensions
{
    /// <summary>The system tag that records the idempotency key a version was registered under.</summary>
    public const string IdempotencyKeyTag = "mlvalue.idempotency_key";

    /// <summary>Finds the version of a model registered under an idempotency key, archived ones included.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="modelName">The model's name.</param>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, or <see langword="null"/> when none was registered under the key.</returns>
    public static async Task<ModelVersion?> FindByIdempotencyKeyAsync(this IModelRegistry registry, string modelName, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var found = await registry.SearchAsync(new ModelQuery { ModelName = modelName, TagKey = IdempotencyKeyTag, TagValue = idempotencyKey, IncludeArchived = true }, cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new ModelRegistryException($"Model '{modelName}' has {found.Count} versions ({string.Join(", ", found.Select(v => v.Version))}) tagged {IdempotencyKeyTag}={idempotencyKey}; a key names one registration. Archive all but one, or give the next registration a new key."),
        };
    }

    /// <summary>
    /// Registers <paramref name="registration"/> under <paramref name="idempotencyKey"/> unless a version of
    /// the model was registered under it already, which is returned instead. Check and registration are not
    /// one transaction: callers that may run at the same time need a lock of their own (a loop's steps have
    /// the loop's lease).
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="registration">The registration (its own tags must not contain <see cref="IdempotencyKeyTag"/>).</param>
    /// <param name="idempotencyKey">The key, for example <c>StepContext.IdempotencyKey</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, and whether this call registered it.</returns>
    public static async Task<(ModelVersion Version, bool Registered)> RegisterOnceAsync(this IModelRegistry registry, ModelRegistration registration, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (registration.Tags.ContainsKey(IdempotencyKeyTag))
        {
            throw new ArgumentException($"The registration of model '{registration.ModelName}' already has the tag {IdempotencyKeyTag}; RegisterOnceAsync sets it from the key. Remove it from the tags.", nameof(registration));
        }

        if (await registry.FindByIdempotencyKeyAsync(registration.ModelName, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var tagged = new ModelRegistration
        {
            ModelName = registration.ModelName,
            Artifact = registration.Artifact,
            TrainerName = registration.TrainerName,
            Hyperparameters = registration.Hyperparameters,
            Seed = registration.Seed,
            TrainingDatasetIds = registration.TrainingDatasetIds,
            EvaluationDatasetIds = registration.EvaluationDatasetIds,
            Metrics = registration.Metrics,
            ParentVersion = registration.ParentVersion,
            Tags = new Dictionary<string, string>(registration.Tags, StringComparer.Ordinal) { [IdempotencyKeyTag] = idempotencyKey },
            Attachments = registration.Attachments,
            CodeVersion = registration.CodeVersion,
        };
        return (await registry.RegisterAsync(tagged, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>
    /// Moves an alias to <paramref name="version"/> once: when it points there already (an earlier attempt
    /// moved it), the move that put it there is returned and nothing moves; otherwise the alias moves by
    /// compare-and-swap against <paramref name="expectedCurrentVersion"/>, so an alias someone else moved in
    /// between raises <see cref="AliasConflictException"/> instead of being overwritten.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="modelName">The model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version to point to.</param>
    /// <param name="expectedCurrentVersion">The version the run expected the alias to point to (<see langword="null"/>: not set) — the one it judged against, not one read again on re-execution.</param>
    /// <param name="reason">Why it moves.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The move, and whether this call made it.</returns>
    public static async Task<(AliasMove Move, bool Moved)> MoveAliasOnceAsync(this IModelRegistry registry, string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var current = await registry.GetByAliasAsync(modelName, alias, cancellationToken).ConfigureAwait(false);
        if (current?.Version == version)
        {
            var history = await registry.GetAliasHistoryAsync(modelName, alias, cancellationToken).ConfigureAwait(false);
            var last = history.LastOrDefault(m => m.ToVersion == version)
                ?? throw new ModelRegistryException($"Alias '{alias}' of model '{modelName}' points to version {version} but its history has no move to it; the registry's alias history is damaged.");
            return (last, false);
        }

        return (await registry.SetAliasAsync(modelName, alias, version, expectedCurrentVersion, reason, cancellationToken).ConfigureAwait(false), true);
    }
}
