using System.Data;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;

namespace MlValue.Registry;

/// <summary>
/// Opens SQLite connections (WAL, busy timeout, full sync), creates the schema once, and runs
/// write transactions as <c>BEGIN IMMEDIATE</c>, retried with bounded backoff when another process holds the lock.
/// </summary>
internal sealed class RegistryDatabase
{
    private readonly RegistrySettings _settings;
    private readonly string _connectionString;
    private readonly ResiliencePipeline _busyRetry;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public RegistryDatabase(RegistrySettings settings)
    {
        _settings = settings;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
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
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Runs a read on its own connection (WAL readers see the last committed state).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            Directory.CreateDirectory(_settings.RootDirectory);
            await _busyRetry.ExecuteAsync(
                async token =>
                {
                    var connection = await OpenAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        await RegistryCommands.ExecuteAsync(connection, null, RegistrySql.JournalModeWal, token).ConfigureAwait(false);
                        var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                        await using (transaction.ConfigureAwait(false))
                        {
                            await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.CreateSchema, token).ConfigureAwait(false);
                            await RegistryCommands.ExecuteAsync(connection, transaction, RegistrySql.CreateImmutabilityTrigger, token).ConfigureAwait(false);
                            await transaction.CommitAsync(token).ConfigureAwait(false);
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
