using MlValue.Internal;
using Npgsql;

namespace MlValue.Runs;

/// <summary>
/// The run store on PostgreSQL: run records (the JSON the SQLite store writes) numbered per loop under a
/// transaction-level advisory lock of the loop, and the loop lease taken in one atomic upsert, so two processes
/// on any machines never both hold it. Times are the caller's (<see cref="IRunStore"/> takes them as arguments;
/// the runner passes its <see cref="TimeProvider"/>'s). Every Npgsql failure is a <see cref="RunStoreException"/>
/// naming the server, the operation and the remedy.
/// </summary>
public sealed class PostgreSqlRunStore : IRunStore, IAsyncDisposable, IDisposable
{
    private readonly PgDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Opens the store on <paramref name="options"/>' database; the schema is migrated on first use.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="timeProvider">The clock of retry delays and recorded times; default: the system clock.</param>
    /// <exception cref="ArgumentException">The connection string or schema is not valid; the message names the setting.</exception>
    public PostgreSqlRunStore(PostgreSqlOptions options, TimeProvider? timeProvider = null)
        : this(new PgDatabase(options, timeProvider ?? TimeProvider.System), ownsDatabase: true)
    {
    }

    internal PostgreSqlRunStore(PgDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public Task<RunRecord> CreateAsync(string loopName, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
        => UseAsync(
            async (connection, transaction, token) =>
            {
                await PgCommands.ExecuteAsync(connection, transaction, RunStoreSql.LockLoop, token, ("key", "mlvalue.runs:" + _database.Schema + ":" + loopName)).ConfigureAwait(false);
                var sequence = (long)(await PgCommands.ScalarAsync(connection, transaction, RunStoreSql.NextSequence, token, ("loop", loopName)).ConfigureAwait(false))!;
                var record = RunRecord.CreatePending(loopName, sequence, runKey, reason, stepNames, startedAt);
                await PgCommands.ExecuteAsync(connection, transaction, RunStoreSql.Insert, token, ("id", record.RunId), ("loop", loopName), ("seq", sequence), ("key", record.RunKey), ("record", RunRecordJson.Serialize(record))).ConfigureAwait(false);
                return record;
            },
            transaction: true,
            nameof(CreateAsync),
            cancellationToken);

    /// <inheritdoc />
    public async Task SaveAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var changed = await UseAsync(
            (connection, transaction, token) => PgCommands.ExecuteAsync(connection, transaction, RunStoreSql.Update, token, ("id", record.RunId), ("loop", record.LoopName), ("record", RunRecordJson.Serialize(record))),
            transaction: false,
            nameof(SaveAsync),
            cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new RunStoreException($"Run {record.RunId} of loop '{record.LoopName}' does not exist in the run store on PostgreSQL ({_database.Server}, schema '{_database.Schema}'); create it with CreateAsync first.");
        }
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindByKeyAsync(string loopName, string runKey, CancellationToken cancellationToken = default)
        => UseAsync(
            async (connection, transaction, token) => await PgCommands.ScalarAsync(connection, transaction, RunStoreSql.FindByKey, token, ("loop", loopName), ("key", runKey)).ConfigureAwait(false) is string json ? RunRecordJson.Deserialize(json) : null,
            transaction: false,
            nameof(FindByKeyAsync),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListLoopsAsync(CancellationToken cancellationToken = default)
        => UseAsync<IReadOnlyList<string>>(
            async (connection, transaction, token) => (await PgCommands.ListAsync(connection, transaction, RunStoreSql.Loops, r => r.GetString(0), token).ConfigureAwait(false)).Order(StringComparer.Ordinal).ToList(),
            transaction: false,
            nameof(ListLoopsAsync),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string loopName, CancellationToken cancellationToken = default)
        => UseAsync<IReadOnlyList<RunRecord>>(
            async (connection, transaction, token) => await PgCommands.ListAsync(connection, transaction, RunStoreSql.List, r => RunRecordJson.Deserialize(r.GetString(0)), token, ("loop", loopName)).ConfigureAwait(false),
            transaction: false,
            nameof(ListAsync),
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string loopName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
        => UseAsync(
            async (connection, transaction, token) => await PgCommands.ScalarAsync(
                connection, transaction, RunStoreSql.TakeLease, token,
                ("loop", loopName), ("holder", holder), ("expires", (now + duration).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false) is not null,
            transaction: false,
            nameof(TryAcquireLeaseAsync),
            cancellationToken);

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string loopName, string holder, CancellationToken cancellationToken = default)
        => UseAsync(
            (connection, transaction, token) => PgCommands.ExecuteAsync(connection, transaction, RunStoreSql.DeleteLease, token, ("loop", loopName), ("holder", holder)),
            transaction: false,
            nameof(ReleaseLeaseAsync),
            cancellationToken);

    /// <summary>Closes the store's connections when it opened them itself.</summary>
    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    /// <summary>Closes the store's connections when it opened them itself.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The one place where Npgsql failures become <see cref="RunStoreException"/>s.</summary>
    private Task<T> UseAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task<T>> work, bool transaction, string operation, CancellationToken cancellationToken)
        => _database.RunAsync(work, transaction, "run store", operation, static (message, error) => new RunStoreException(message, error), cancellationToken);
}
