using System.Globalization;
using MlValue.Internal;

namespace MlValue.Registry;

internal sealed partial class PostgreSqlModelRegistry
{
    public async Task<ModelLineage?> GetLineageAsync(string modelName, int version, CancellationToken cancellationToken = default)
    {
        var found = await FindVersionAsync(modelName, version, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var promotions = await ReadAsync(
            (connection, token) => PgCommands.ListAsync(
                connection,
                null,
                RegistrySql.SelectPromotions,
                r => new AliasMove
                {
                    ModelName = modelName,
                    Alias = r.GetString(0),
                    FromVersion = r.IsDBNull(1) ? null : r.GetInt32(1),
                    ToVersion = r.GetInt32(2),
                    MovedAt = r.GetFieldValue<DateTimeOffset>(3),
                    Reason = r.GetString(4),
                },
                token,
                ("model", modelName),
                ("version", version)),
            cancellationToken,
            nameof(GetLineageAsync)).ConfigureAwait(false);
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

        return WriteAsync(
            async (connection, transaction, token) =>
            {
                // Under the model's row lock no alias of it moves meanwhile, so "aliased" stays true until the commit.
                await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.LockModel, token, ("model", modelName)).ConfigureAwait(false);
                var versions = await PgCommands.ListAsync(connection, transaction, RegistrySql.SelectRetentionCandidates, r => (Version: r.GetInt32(0), Archived: r.GetBoolean(1)), token, ("model", modelName)).ConfigureAwait(false);
                var aliased = (await PgCommands.ListAsync(connection, transaction, RegistrySql.SelectAliasedVersions, r => r.GetInt32(0), token, ("model", modelName)).ConfigureAwait(false)).ToHashSet();
                List<int> archived = [], deleted = [], kept = [];
                foreach (var (version, isArchived) in versions.Skip(policy.KeepLast))
                {
                    if (aliased.Contains(version))
                    {
                        kept.Add(version);
                    }
                    else if (policy.Action == RetentionAction.Delete)
                    {
                        await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.DeleteVersion, token, ("model", modelName), ("version", version)).ConfigureAwait(false);
                        deleted.Add(version);
                    }
                    else if (!isArchived)
                    {
                        await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.ArchiveVersionTyped, token, ("model", modelName), ("version", version)).ConfigureAwait(false);
                        archived.Add(version);
                    }
                }

                archived.Sort();
                deleted.Sort();
                kept.Sort();
                return new RetentionResult { ModelName = modelName, Archived = archived, Deleted = deleted, KeptForAliases = kept };
            },
            cancellationToken,
            nameof(ApplyRetentionAsync));
    }

    public Task<GarbageCollectionResult> CollectGarbageAsync(CancellationToken cancellationToken = default)
        => WriteAsync(
            async (connection, transaction, token) =>
            {
                // Alone on the blob lock: no registration is between reusing a stored blob and committing its reference.
                await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.LockBlobsExclusive, token, ("key", BlobLockKey)).ConfigureAwait(false);
                var deleted = await PgCommands.ListAsync(connection, transaction, RegistrySql.DeleteUnreferencedBlobs, r => r.GetString(0), token).ConfigureAwait(false);
                deleted.Sort(StringComparer.Ordinal);
                var kept = Convert.ToInt32(await PgCommands.ScalarAsync(connection, transaction, RegistrySql.CountBlobs, token).ConfigureAwait(false), CultureInfo.InvariantCulture);
                return new GarbageCollectionResult { DeletedBlobs = deleted, KeptBlobs = kept, RemovedTempFiles = 0 };
            },
            cancellationToken,
            nameof(CollectGarbageAsync));
}
