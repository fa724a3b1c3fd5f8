using MlValue.Internal;
using Npgsql;

namespace MlValue.Data;

/// <summary>
/// The checkpoint store on PostgreSQL: one row per data source, replaced by one upsert, so a reader sees the last
/// committed checkpoint or the next, never a torn one. Source names are checked as the file store checks them.
/// Every Npgsql failure is a <see cref="DataSourceException"/> naming the source, the server and the remedy.
/// </summary>
public sealed class PostgreSqlCheckpointStore : ICheckpointStore, IAsyncDisposable, IDisposable
{
    private const string Load = "SELECT checkpoint FROM checkpoints WHERE source_name = @source;";

    private const string Save = """
        INSERT INTO checkpoints (source_name, checkpoint, saved_at) VALUES (@source, @checkpoint, @saved)
        ON CONFLICT (source_name) DO UPDATE SET checkpoint = excluded.checkpoint, saved_at = excluded.saved_at;
        """;

    private readonly PgDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Opens the store on <paramref name="options"/>' database; the schema is migrated on first use.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="timeProvider">The clock of retry delays and of the recorded save times; default: the system clock.</param>
    /// <exception cref="ArgumentException">The connection string or schema is not valid; the message names the setting.</exception>
    public PostgreSqlCheckpointStore(PostgreSqlOptions options, TimeProvider? timeProvider = null)
        : this(new PgDatabase(options, timeProvider ?? TimeProvider.System), ownsDatabase: true)
    {
    }

    internal PostgreSqlCheckpointStore(PgDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public Task<string?> LoadAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        var name = SourceName.Validate(sourceName);
        return UseAsync(
            async (connection, token) => (string?)await PgCommands.ScalarAsync(connection, null, Load, token, ("source", name)).ConfigureAwait(false),
            name,
            nameof(LoadAsync),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(string sourceName, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var name = SourceName.Validate(sourceName);
        return UseAsync(
            (connection, token) => PgCommands.ExecuteAsync(connection, null, Save, token, ("source", name), ("checkpoint", checkpoint), ("saved", _database.Time.GetUtcNow())),
            name,
            nameof(SaveAsync),
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

    /// <summary>The one place where Npgsql failures become <see cref="DataSourceException"/>s.</summary>
    private Task<T> UseAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, string sourceName, string operation, CancellationToken cancellationToken)
        => _database.RunAsync((connection, _, token) => work(connection, token), transaction: false, $"checkpoint store (source '{sourceName}')", operation, static (message, error) => new DataSourceException(message, error), cancellationToken);
}
