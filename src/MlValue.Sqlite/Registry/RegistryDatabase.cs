using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace MlValue.Registry;

/// <summary>
/// Opens SQLite connections (WAL, busy timeout, full sync), creates the schema once, and runs
/// write transactions as <c>BEGIN IMMEDIATE</c>, retried with bounded backoff when another process holds the lock.
/// Every <see cref="SqliteException"/> leaves here as a <see cref="RegistryStoreException"/> naming the file, the
/// operation and the remedy (see <c>RegistryDatabase.Errors.cs</c>).
/// </summary>
internal sealed partial class RegistryDatabase
{
    private readonly RegistrySettings _settings;
    private readonly string _connectionString;
    private readonly ResiliencePipeline _busyRetry;
    private readonly Func<CancellationToken, Task<int>> _countBlobs;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <param name="settings">The registry's settings.</param>
    /// <param name="countBlobs">Counts the stored blobs; asked only when the database file is missing or empty.</param>
    public RegistryDatabase(RegistrySettings settings, Func<CancellationToken, Task<int>> countBlobs)
    {
        _settings = settings;
        _countBlobs = countBlobs;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite, // created only by CreateOrRefuseAsync: a file that vanishes is an error, not a new registry
            Pooling = false,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(settings.BusyTimeout.TotalSeconds)),
        }.ToString();
        _busyRetry = settings.MaxBusyRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsBusy),
                    MaxRetryAttempts = settings.MaxBusyRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(20),
                    MaxDelay = TimeSpan.FromSeconds(1),
                })
                .Build();
    }

    public static bool IsBusy(SqliteException error) => error.SqliteErrorCode is 5 or 6;

    /// <summary>Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        try
        {
            await EnsureSchemaAsync(operation, cancellationToken).ConfigureAwait(false);
            return await _busyRetry.ExecuteAsync(
                async token =>
                {
                    var connection = await OpenAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                        await using (transaction.ConfigureAwait(false))
                        {
                            var result = await work(connection, transaction, token).ConfigureAwait(false);
                            await transaction.CommitAsync(token).ConfigureAwait(false);
                            return result;
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw Failure(error, operation);
        }
    }

    /// <summary>Makes sure the database exists with its schema (or refuses a damaged one) before any blob is written.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        try
        {
            await EnsureSchemaAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw Failure(error, operation);
        }
    }

    /// <summary>Runs a read on its own connection (WAL readers see the last committed state).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        try
        {
            await EnsureSchemaAsync(operation, cancellationToken).ConfigureAwait(false);
            return await _busyRetry.ExecuteAsync(
                async token =>
                {
                    var connection = await OpenAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        return await work(connection, token).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw Failure(error, operation);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await RegistryCommands.ExecuteAsync(connection, null, RegistrySql.ConnectionPragmas((int)_settings.BusyTimeout.TotalMilliseconds), cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
