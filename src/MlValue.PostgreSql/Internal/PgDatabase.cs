using System.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Polly;
using Polly.Retry;

namespace MlValue.Internal;

/// <summary>
/// The one connection to PostgreSQL that the stores of a process share: an <see cref="NpgsqlDataSource"/> whose
/// connections have <c>search_path</c> set to the stores' schema, the migrations applied once before the first
/// statement, and every unit of work retried as a whole through a Polly.Core pipeline when Npgsql reports a
/// transient error. It translates no error: each store turns Npgsql's exceptions into its own (see its <c>Errors</c> part).
/// </summary>
internal sealed partial class PgDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly ResiliencePipeline _retry;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock of the retry delays and of the recorded times.</param>
    /// <param name="retry">The pipeline that runs each unit of work; default: built from the options.</param>
    public PgDatabase(PostgreSqlOptions options, TimeProvider timeProvider, ResiliencePipeline? retry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Schema = CheckSchema(options.Schema);
        var builder = ConnectionString(options);
        Server = Describe(builder);
        builder.SearchPath = Schema;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "MlValue";
        }

        _source = NpgsqlDataSource.Create(builder.ConnectionString);
        _time = timeProvider;
        _retry = retry ?? Pipeline(options, timeProvider);
    }

    /// <summary>The schema that holds the stores' tables.</summary>
    public string Schema { get; }

    /// <summary>The server as messages show it: host, port, database and user, never the password.</summary>
    public string Server { get; }

    public TimeProvider Time => _time;

    /// <summary>Parses the options' connection string, or says which setting to fix.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(PostgreSqlOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("MlValue:PostgreSql:ConnectionString is not set. Give the Npgsql connection string of the database, for example Host=127.0.0.1;Port=5432;Username=mlvalue;Password=…;Database=mlvalue (UsePostgreSql(connectionString) or the configuration key).", nameof(options));
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException error)
        {
            // The message of a parse error can quote the string, password included: it is not repeated.
            throw new ArgumentException($"MlValue:PostgreSql:ConnectionString is not a valid Npgsql connection string ({error.GetType().Name}). Write it as Key=Value pairs separated by ';', for example Host=127.0.0.1;Port=5432;Username=mlvalue;Password=…;Database=mlvalue.", nameof(options));
        }
    }

    /// <summary>Returns the schema name when it is a plain lower-case identifier (so it needs no quoting anywhere).</summary>
    public static string CheckSchema(string? schema)
        => schema is not null && SchemaPattern().IsMatch(schema)
            ? schema
            : throw new ArgumentException($"MlValue:PostgreSql:Schema '{schema}' is not allowed: use 1 to 63 lower-case letters, digits or '_', not starting with a digit (default '{PostgreSqlOptions.DefaultSchema}').", nameof(schema));

    public static string Describe(NpgsqlConnectionStringBuilder builder)
        => string.Create(CultureInfo.InvariantCulture, $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}");

    /// <summary>Runs <paramref name="work"/> on one connection, in one read-committed transaction when <paramref name="transaction"/> is set (committed when it returns), retried whole on transient errors.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task<T>> work, bool transaction, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _retry.ExecuteAsync(
            async token =>
            {
                var connection = await _source.OpenConnectionAsync(token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    if (!transaction)
                    {
                        return await work(connection, null, token).ConfigureAwait(false);
                    }

                    var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, token).ConfigureAwait(false);
                    await using (tx.ConfigureAwait(false))
                    {
                        var result = await work(connection, tx, token).ConfigureAwait(false);
                        await tx.CommitAsync(token).ConfigureAwait(false);
                        return result;
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as <see cref="RunAsync{T}(Func{NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task{T}}, bool, CancellationToken)"/>
    /// does, and turns an Npgsql failure into the store's own exception: <paramref name="fail"/> gets the message that names
    /// <paramref name="what"/>, the operation, the server and the schema (never the password). The one place every store translates errors.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task<T>> work, bool transaction, string what, string operation, Func<string, NpgsqlException, Exception> fail, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(work, transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw fail(PgErrors.Message(error, what, operation, Server, Schema), error);
        }
    }

    /// <summary>Opens one connection and closes it: the start-up check of the server, the credentials and the database.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _source.Dispose();
        _schemaGate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
    }

    private static ResiliencePipeline Pipeline(PostgreSqlOptions options, TimeProvider timeProvider)
        => options.MaxTransientRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                    MaxRetryAttempts = options.MaxTransientRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    MaxDelay = TimeSpan.FromSeconds(5),
                })
                .Build();

    /// <summary>Npgsql's own verdict (dropped connections, timeouts, server shutdown, serialization failures, deadlocks).</summary>
    public static bool IsTransient(NpgsqlException error) => error.IsTransient;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
