using System.Globalization;
using MlValue.Diagnostics;
using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

internal sealed partial class PostgreSqlModelRegistry
{
    public async Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var move = await WriteAsync(
            (connection, transaction, token) => MoveAsync(connection, transaction, modelName, alias, version, expectedCurrentVersion, reason, token),
            cancellationToken,
            nameof(SetAliasAsync)).ConfigureAwait(false);
        _telemetry.RecordAliasMove(alias);
        return move;
    }

    public async Task<AliasMove> RollbackAliasAsync(string modelName, string alias, string reason, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var move = await WriteAsync(
            async (connection, transaction, token) =>
            {
                await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.LockModel, token, ("model", modelName)).ConfigureAwait(false);
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
            cancellationToken,
            nameof(RollbackAliasAsync)).ConfigureAwait(false);
        _telemetry.RecordAliasMove(alias);
        return move;
    }

    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        return ReadAsync(
            async (connection, token) => (IReadOnlyList<AliasMove>)await HistoryAsync(connection, null, modelName, alias, token).ConfigureAwait(false),
            cancellationToken,
            nameof(GetAliasHistoryAsync));
    }

    public Task<IReadOnlyDictionary<string, int>> GetAliasesAsync(string modelName, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        return ReadAsync(
            async (connection, token) =>
            {
                var rows = await PgCommands.ListAsync(connection, null, RegistrySql.SelectAliases, r => KeyValuePair.Create(r.GetString(0), r.GetInt32(1)), token, ("model", modelName)).ConfigureAwait(false);
                return (IReadOnlyDictionary<string, int>)new SortedDictionary<string, int>(rows.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
            },
            cancellationToken,
            nameof(GetAliasesAsync));
    }

    /// <summary>The compare-and-swap, under the model's counter row lock, so two moves of one model never both see the same current version.</summary>
    private async Task<AliasMove> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string modelName, string alias, int version, int? expected, string reason, CancellationToken cancellationToken)
    {
        await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.LockModel, cancellationToken, ("model", modelName)).ConfigureAwait(false);
        var current = await PgCommands.ScalarAsync(connection, transaction, RegistrySql.SelectAlias, cancellationToken, ("model", modelName), ("alias", alias)).ConfigureAwait(false) is { } value
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

        var move = new AliasMove { ModelName = modelName, Alias = alias, FromVersion = current, ToVersion = version, MovedAt = PgCommands.Stored(_time.GetUtcNow()), Reason = reason };
        await PgCommands.ExecuteAsync(connection, transaction, RegistrySql.UpsertAlias, cancellationToken, ("model", modelName), ("alias", alias), ("version", version)).ConfigureAwait(false);
        await PgCommands.ExecuteAsync(
            connection, transaction, RegistrySql.InsertAliasMove, cancellationToken,
            ("model", modelName), ("alias", alias), ("from", PgTyped.Integer(current)), ("version", version), ("movedAt", move.MovedAt), ("reason", reason)).ConfigureAwait(false);
        return move;
    }

    private static Task<List<AliasMove>> HistoryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string modelName, string alias, CancellationToken cancellationToken)
        => PgCommands.ListAsync(
            connection,
            transaction,
            RegistrySql.SelectAliasHistory,
            r => new AliasMove
            {
                ModelName = modelName,
                Alias = alias,
                FromVersion = r.IsDBNull(0) ? null : r.GetInt32(0),
                ToVersion = r.GetInt32(1),
                MovedAt = r.GetFieldValue<DateTimeOffset>(2),
                Reason = r.GetString(3),
            },
            cancellationToken,
            ("model", modelName),
            ("alias", alias));

    private static string Describe(int? version)
        => version is { } v ? "version " + v.ToString(CultureInfo.InvariantCulture) : "no version (unset)";
}
