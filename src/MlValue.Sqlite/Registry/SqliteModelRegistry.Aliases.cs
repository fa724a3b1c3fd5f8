using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MlValue.Registry;

internal sealed partial class SqliteModelRegistry
{
    public async Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var move = await _database.WriteAsync(
            (connection, transaction, token) => MoveAsync(connection, transaction, modelName, alias, version, expectedCurrentVersion, reason, token),
            cancellationToken).ConfigureAwait(false);
        _telemetry.RecordAliasMove(alias);
        return move;
    }

    public async Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var move = await _database.WriteAsync(
            async (connection, transaction, token) =>
            {
                var history = await HistoryAsync(connection, transaction, modelName, alias, token).ConfigureAwait(false);
                if (history.Count == 0)
                {
                    throw new ModelRegistryException($"Alias '{alias}' of model '{modelName}' has never been set, so there is nothing to roll back. Set it with SetAliasAsync.");
                }

                var last = history[^1];
                if (last.FromVersion is not { } previous)
                {
                    throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Alias '{alias}' of model '{modelName}' was first set to version {last.ToVersion} by its last move, so there is no earlier version to roll back to. Move it explicitly with SetAliasAsync."));
                }

                return await MoveAsync(connection, transaction, modelName, alias, previous, last.ToVersion, reason, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        _telemetry.RecordAliasMove(alias);
        return move;
    }

    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        return _database.ReadAsync(
            async (connection, token) => (IReadOnlyList<AliasMove>)await HistoryAsync(connection, null, modelName, alias, token).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, int>> GetAliasesAsync(string modelName, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        return _database.ReadAsync(
            async (connection, token) =>
            {
                var rows = await RegistryCommands.ListAsync(connection, null, RegistrySql.SelectAliases, r => KeyValuePair.Create(r.GetString(0), r.GetInt32(1)), token, ("$model", modelName)).ConfigureAwait(false);
                return (IReadOnlyDictionary<string, int>)new SortedDictionary<string, int>(rows.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
            },
            cancellationToken);
    }

    private async Task<AliasMove> MoveAsync(SqliteConnection connection, SqliteTransaction transaction, string modelName, string alias, int version, int? expected, string reason, CancellationToken cancellationToken)
    {
        var current = await RegistryCommands.ScalarAsync(connection, transaction, RegistrySql.SelectAlias, cancellationToken, ("$model", modelName), ("$alias", alias)).ConfigureAwait(false) is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : (int?)null;
        if (current != expected)
        {
            throw new AliasConflictException(string.Create(CultureInfo.InvariantCulture, $"Alias '{alias}' of model '{modelName}' was not moved to version {version}: expected it to point to {Describe(expected)}, but it points to {Describe(current)} (someone moved it meanwhile). Read it again with GetByAliasAsync, re-check the decision against that version, and retry with expectedCurrentVersion = {Describe(current)}."));
        }

        if (!await VersionExistsAsync(connection, transaction, modelName, version, cancellationToken).ConfigureAwait(false))
        {
            throw NoSuchVersion(modelName, version);
        }

        var move = new AliasMove { ModelName = modelName, Alias = alias, FromVersion = current, ToVersion = version, MovedAt = _time.GetUtcNow(), Reason = reason };
        await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.UpsertAlias, cancellationToken, ("$model", modelName), ("$alias", alias), ("$version", version)).ConfigureAwait(false);
        await RegistryCommands.ExecuteAsync(
            connection, transaction, RegistrySql.InsertAliasMove, cancellationToken,
            ("$model", modelName), ("$alias", alias), ("$from", current), ("$version", version), ("$movedAt", VersionRows.Timestamp(move.MovedAt)), ("$reason", reason)).ConfigureAwait(false);
        return move;
    }

    private static Task<List<AliasMove>> HistoryAsync(SqliteConnection connection, SqliteTransaction? transaction, string modelName, string alias, CancellationToken cancellationToken)
        => RegistryCommands.ListAsync(
            connection,
            transaction,
            RegistrySql.SelectAliasHistory,
            r => new AliasMove
            {
                ModelName = modelName,
                Alias = alias,
                FromVersion = r.IsDBNull(0) ? null : r.GetInt32(0),
                ToVersion = r.GetInt32(1),
                MovedAt = VersionRows.Timestamp(r.GetString(2)),
                Reason = r.GetString(3),
            },
            cancellationToken,
            ("$model", modelName),
            ("$alias", alias));

    private static string Describe(int? version)
        => version is { } v ? "version " + v.ToString(CultureInfo.InvariantCulture) : "no version (unset)";
}
