using MlValue.Internal;
using Npgsql;

namespace MlValue.State;

/// <summary>
/// The state store on PostgreSQL: one row per key, created by an insert that does nothing if the key exists and
/// replaced by an update conditioned on the revision, so two processes never lose each other's change and a reader
/// sees the last committed document or the next. Every Npgsql failure is a <see cref="StateStoreException"/> naming
/// the key, the server and the remedy. A save retried after a dropped connection is never applied twice: if the first
/// try had committed, the second finds the revision moved and reports a conflict, and the caller reloads the state that
/// already holds its change and redoes it there (so a caller's change must be idempotent, as the annotation queue's are).
/// </summary>
public sealed class PostgreSqlStateStore : IStateStore, IAsyncDisposable, IDisposable
{
    private const string Load = "SELECT content, revision FROM state_documents WHERE key = @key;";

    private const string Create = """
        INSERT INTO state_documents (key, revision, content, saved_at) VALUES (@key, 1, @content, @saved)
        ON CONFLICT (key) DO NOTHING
        RETURNING revision;
        """;

    private const string Update = """
        UPDATE state_documents SET revision = revision + 1, content = @content, saved_at = @saved
        WHERE key = @key AND revision = @expected
        RETURNING revision;
        """;

    private readonly PgDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Opens the store on <paramref name="options"/>' database; the schema is migrated on first use.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="timeProvider">The clock of retry delays and of the recorded save times; default: the system clock.</param>
    /// <exception cref="ArgumentException">The connection string or schema is not valid; the message names the setting.</exception>
    public PostgreSqlStateStore(PostgreSqlOptions options, TimeProvider? timeProvider = null)
        : this(new PgDatabase(options, timeProvider ?? TimeProvider.System), ownsDatabase: true)
    {
    }

    internal PostgreSqlStateStore(PgDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public Task<StateEntry?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var name = StateKey.Validate(key);
        return UseAsync(
            async (connection, token) =>
            {
                var command = PgCommands.Create(connection, null, Load, ("key", name));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(token).ConfigureAwait(false)
                            ? new StateEntry(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1))
                            : null;
                    }
                }
            },
            name,
            nameof(LoadAsync),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long?> TrySaveAsync(string key, ReadOnlyMemory<byte> content, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        var name = StateKey.Validate(key);
        var bytes = content.ToArray();
        return UseAsync(
            async (connection, token) =>
            {
                var saved = expectedRevision is { } expected
                    ? await PgCommands.ScalarAsync(connection, null, Update, token, ("key", name), ("content", bytes), ("saved", _database.Time.GetUtcNow()), ("expected", expected)).ConfigureAwait(false)
                    : await PgCommands.ScalarAsync(connection, null, Create, token, ("key", name), ("content", bytes), ("saved", _database.Time.GetUtcNow())).ConfigureAwait(false);
                return saved is long revision ? revision : (long?)null;
            },
            name,
            nameof(TrySaveAsync),
            cancellationToken);
    }

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

    /// <summary>The one place where Npgsql failures become <see cref="StateStoreException"/>s.</summary>
    private Task<T> UseAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, string key, string operation, CancellationToken cancellationToken)
        => _database.RunAsync((connection, _, token) => work(connection, token), transaction: false, $"state store (key '{key}')", operation, static (message, error) => new StateStoreException(message, error), cancellationToken);
}
