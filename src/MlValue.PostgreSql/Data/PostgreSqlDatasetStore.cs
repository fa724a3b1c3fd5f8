using System.Data;
using MlValue.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MlValue.Data;

/// <summary>
/// The dataset store on PostgreSQL: one row per dataset (table <c>datasets</c>), its compressed content
/// in one <c>bytea</c> inserted in one statement, so a reader sees the whole content or no row. The
/// content is staged in a temporary file on the way in and out (deleted when closed), so a large dataset
/// is streamed rather than held in memory. Every Npgsql failure is a <see cref="DatasetException"/>
/// naming the dataset, the server and the remedy.
/// </summary>
public sealed class PostgreSqlDatasetStore : IDatasetStore, IAsyncDisposable, IDisposable
{
    private const string Insert = """
        INSERT INTO datasets (dataset_id, content, size, stored_at) VALUES (@id, @content, @size, @stored)
        ON CONFLICT (dataset_id) DO NOTHING;
        """;

    private const string Exists = "SELECT 1 FROM datasets WHERE dataset_id = @id;";
    private const string Select = "SELECT content FROM datasets WHERE dataset_id = @id;";
    private const string Delete = "DELETE FROM datasets WHERE dataset_id = @id;";
    private const string List = "SELECT dataset_id, size, stored_at FROM datasets ORDER BY dataset_id;";

    private readonly PgDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Opens the store on <paramref name="options"/>' database; the schema is migrated on first use.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="timeProvider">The clock of retry delays and of the recorded store times; default: the system clock.</param>
    /// <exception cref="ArgumentException">The connection string or schema is not valid; the message names the setting.</exception>
    public PostgreSqlDatasetStore(PostgreSqlOptions options, TimeProvider? timeProvider = null)
        : this(new PgDatabase(options, timeProvider ?? TimeProvider.System), ownsDatabase: true)
    {
    }

    internal PostgreSqlDatasetStore(PgDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public async Task<bool> WriteAsync(string datasetId, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var id = CheckId(datasetId);
        if (await UseAsync(async (c, t) => await PgCommands.ScalarAsync(c, null, Exists, t, ("id", id)).ConfigureAwait(false) is not null, id, nameof(WriteAsync), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var staged = StagingFile();
        await using (staged.ConfigureAwait(false))
        {
            await writeContent(staged, cancellationToken).ConfigureAwait(false);
            await staged.FlushAsync(cancellationToken).ConfigureAwait(false);
            var size = staged.Length;
            return await UseAsync(
                async (connection, token) =>
                {
                    staged.Position = 0;
                    var inserted = await PgCommands.ExecuteAsync(connection, null, Insert, token, ("id", id), ("content", new PgTyped(NpgsqlDbType.Bytea, staged)), ("size", size), ("stored", _database.Time.GetUtcNow())).ConfigureAwait(false);
                    return inserted == 1;
                },
                id,
                nameof(WriteAsync),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var id = CheckId(datasetId);
        var staged = StagingFile();
        try
        {
            var found = await UseAsync(
                async (connection, token) =>
                {
                    staged.SetLength(0);
                    var command = PgCommands.Create(connection, null, Select, ("id", id));
                    await using (command.ConfigureAwait(false))
                    {
                        var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, token).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            if (!await reader.ReadAsync(token).ConfigureAwait(false))
                            {
                                return false;
                            }

                            var content = await reader.GetStreamAsync(0, token).ConfigureAwait(false);
                            await using (content.ConfigureAwait(false))
                            {
                                await content.CopyToAsync(staged, token).ConfigureAwait(false);
                            }

                            return true;
                        }
                    }
                },
                id,
                nameof(OpenReadAsync),
                cancellationToken).ConfigureAwait(false);
            if (!found)
            {
                await staged.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            staged.Position = 0;
            return staged;
        }
        catch
        {
            await staged.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var id = CheckId(datasetId);
        return UseAsync(async (c, t) => await PgCommands.ExecuteAsync(c, null, Delete, t, ("id", id)).ConfigureAwait(false) == 1, id, nameof(DeleteAsync), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDataset>> ListAsync(CancellationToken cancellationToken = default)
        => UseAsync<IReadOnlyList<StoredDataset>>(
            async (c, t) => await PgCommands.ListAsync(c, null, List, r => new StoredDataset(r.GetString(0), r.GetInt64(1), r.GetFieldValue<DateTimeOffset>(2)), t).ConfigureAwait(false),
            "(all)",
            nameof(ListAsync),
            cancellationToken);

    /// <inheritdoc />
    public string Locate(string datasetId) => $"table {_database.Schema}.datasets, row '{CheckId(datasetId)}', on {_database.Server}";

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

    private static FileStream StagingFile()
        => new(Path.Combine(Path.GetTempPath(), "mlvalue-dataset-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static string CheckId(string datasetId)
    {
        ArgumentNullException.ThrowIfNull(datasetId);
        return datasetId is { Length: 35 } && datasetId.StartsWith("ds-", StringComparison.Ordinal) && !datasetId.AsSpan(3).ContainsAnyExcept("0123456789abcdef")
            ? datasetId
            : throw new DatasetException($"'{datasetId}' is not a dataset content id: expected 'ds-' and 32 lower-case hex digits, as Dataset<T>.Id gives.");
    }

    /// <summary>The one place where Npgsql failures become <see cref="DatasetException"/>s.</summary>
    private Task<T> UseAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, string datasetId, string operation, CancellationToken cancellationToken)
        => _database.RunAsync((connection, _, token) => work(connection, token), transaction: false, $"dataset store (dataset {datasetId})", operation, static (message, error) => new DatasetException(message, error), cancellationToken);
}
