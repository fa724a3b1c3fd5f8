using System.Globalization;

namespace MlValue.Registry;

internal sealed partial class SqliteModelRegistry
{
    public async Task<ModelLineage?> GetLineageAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var promotions = await _database.ReadAsync(
            (connection, token) => RegistryCommands.ListAsync(
                connection,
                null,
                RegistrySql.SelectPromotions,
                r => new AliasMove
                {
                    ModelName = modelName,
                    Alias = r.GetString(0),
                    FromVersion = r.IsDBNull(1) ? null : r.GetInt32(1),
                    ToVersion = r.GetInt32(2),
                    MovedAt = VersionRows.Timestamp(r.GetString(3)),
                    Reason = r.GetString(4),
                },
                token,
                ("$model", modelName),
                ("$version", version)),
            cancellationToken).ConfigureAwait(false);
        return new ModelLineage { Version = found, Promotions = promotions };
    }

    public Task<RetentionResult> ApplyRetentionAsync(string modelName, RetentionPolicy policy, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.KeepLast < 1)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Retention of model '{modelName}': KeepLast must be at least 1 (the newest version is always kept); it is {policy.KeepLast}."));
        }

        return _database.WriteAsync(
            async (connection, transaction, token) =>
            {
                var versions = await RegistryCommands.ListAsync(connection, transaction, RegistrySql.SelectRetentionCandidates, r => (Version: r.GetInt32(0), Archived: r.GetInt64(1) != 0), token, ("$model", modelName)).ConfigureAwait(false);
                var aliased = (await RegistryCommands.ListAsync(connection, transaction, RegistrySql.SelectAliasedVersions, r => r.GetInt32(0), token, ("$model", modelName)).ConfigureAwait(false)).ToHashSet();
                List<int> archived = [], deleted = [], kept = [];
                foreach (var (version, isArchived) in versions.Skip(policy.KeepLast))
                {
                    if (aliased.Contains(version))
                    {
                        kept.Add(version);
                    }
                    else if (policy.Action == RetentionAction.Delete)
                    {
                        await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.DeleteVersion, token, ("$model", modelName), ("$version", version)).ConfigureAwait(false);
                        deleted.Add(version);
                    }
                    else if (!isArchived)
                    {
                        await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.ArchiveVersion, token, ("$model", modelName), ("$version", version)).ConfigureAwait(false);
                        archived.Add(version);
                    }
                }

                archived.Sort();
                deleted.Sort();
                kept.Sort();
                return new RetentionResult { ModelName = modelName, Archived = archived, Deleted = deleted, KeptForAliases = kept };
            },
            cancellationToken);
    }

    public Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default)
        => _database.WriteAsync(
            async (connection, transaction, token) =>
            {
                // Holding the write lock: no registration can commit a reference to a blob deleted here
                // (a registration re-checks its blobs inside its own transaction).
                var referenced = (await RegistryCommands.ListAsync(connection, transaction, RegistrySql.SelectReferencedBlobs, r => r.GetString(0), token).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                var deleted = new List<string>();
                var kept = 0;
                foreach (var sha256 in await _store.ListAsync(token).ConfigureAwait(false))
                {
                    if (referenced.Contains(sha256))
                    {
                        kept++;
                    }
                    else if (await _store.DeleteAsync(sha256, token).ConfigureAwait(false))
                    {
                        deleted.Add(sha256);
                    }
                }

                var temp = _store is FileArtifactStore files ? files.RemoveTempFilesOlderThan(_time.GetUtcNow() - _settings.TempFileGracePeriod) : 0;
                return new GarbageCollectionResult { DeletedBlobs = deleted, KeptBlobs = kept, RemovedTempFiles = temp };
            },
            cancellationToken);
}
