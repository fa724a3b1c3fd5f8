using MlValue.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MlValue.Monitoring;

/// <summary>
/// The shared monitor buckets on PostgreSQL: one row per (monitor, bucket start, replica) in <c>monitor_buckets</c>,
/// replaced by an upsert, so a replica's rows are bounded by its retained buckets whatever it records; a reader sees each
/// replica's last committed flush of a bucket, never a torn one. A flush is one transaction. Every Npgsql failure is a
/// <see cref="MonitoringException"/> naming the monitor, the server and the remedy.
/// </summary>
public sealed class PostgreSqlMonitorBucketStore : IMonitorBucketStore, IAsyncDisposable, IDisposable
{
    private const string Upsert = """
        INSERT INTO monitor_buckets (monitor_name, bucket_start, replica, payload, updated_at)
        SELECT @monitor, b.bucket_start, b.replica, b.payload, @updated
        FROM unnest(@starts, @replicas, @payloads) AS b (bucket_start, replica, payload)
        ON CONFLICT (monitor_name, bucket_start, replica) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at;
        """;

    private const string Select = """
        SELECT replica, bucket_start, payload FROM monitor_buckets
        WHERE monitor_name = @monitor AND bucket_start >= @from AND bucket_start < @to
        ORDER BY bucket_start, replica;
        """;

    private const string Delete = "DELETE FROM monitor_buckets WHERE monitor_name = @monitor AND bucket_start < @cutoff;";

    private readonly PgDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Opens the store on <paramref name="options"/>' database; the schema is migrated on first use.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <param name="timeProvider">The clock of retry delays and of the recorded update times; default: the system clock.</param>
    /// <exception cref="ArgumentException">The connection string or schema is not valid; the message names the setting.</exception>
    public PostgreSqlMonitorBucketStore(PostgreSqlOptions options, TimeProvider? timeProvider = null)
        : this(new PgDatabase(options, timeProvider ?? TimeProvider.System), ownsDatabase: true)
    {
    }

    internal PostgreSqlMonitorBucketStore(PgDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public Task SaveAsync(string monitor, IReadOnlyList<StoredMonitorBucket> buckets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Count == 0)
        {
            return Task.CompletedTask;
        }

        var starts = new DateTime[buckets.Count];
        var replicas = new string[buckets.Count];
        var payloads = new byte[buckets.Count][];
        for (var i = 0; i < buckets.Count; i++)
        {
            var bucket = buckets[i] ?? throw new ArgumentException("A bucket is null.", nameof(buckets));
            ArgumentException.ThrowIfNullOrEmpty(bucket.Replica);
            starts[i] = bucket.BucketStart.UtcDateTime;
            replicas[i] = bucket.Replica;
            payloads[i] = bucket.Payload ?? throw new ArgumentException($"The bucket of replica '{bucket.Replica}' at {bucket.BucketStart:O} has no payload.", nameof(buckets));
        }

        return UseAsync(
            (connection, transaction, token) => PgCommands.ExecuteAsync(
                connection,
                transaction,
                Upsert,
                token,
                ("monitor", monitor),
                ("starts", new PgTyped(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, starts)),
                ("replicas", new PgTyped(NpgsqlDbType.Array | NpgsqlDbType.Text, replicas)),
                ("payloads", new PgTyped(NpgsqlDbType.Array | NpgsqlDbType.Bytea, payloads)),
                ("updated", _database.Time.GetUtcNow())),
            monitor,
            nameof(SaveAsync),
            transaction: true,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredMonitorBucket>> ReadAsync(string monitor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        return await UseAsync(
            (connection, transaction, token) => PgCommands.ListAsync(
                connection,
                transaction,
                Select,
                reader => new StoredMonitorBucket(reader.GetString(0), new DateTimeOffset(reader.GetFieldValue<DateTime>(1).Ticks, TimeSpan.Zero), reader.GetFieldValue<byte[]>(2)),
                token,
                ("monitor", monitor),
                ("from", from),
                ("to", to)),
            monitor,
            nameof(ReadAsync),
            transaction: false,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> DeleteOlderThanAsync(string monitor, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        return UseAsync(
            (connection, transaction, token) => PgCommands.ExecuteAsync(connection, transaction, Delete, token, ("monitor", monitor), ("cutoff", cutoff)),
            monitor,
            nameof(DeleteOlderThanAsync),
            transaction: false,
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

    /// <summary>The one place where Npgsql failures become <see cref="MonitoringException"/>s.</summary>
    private Task<T> UseAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task<T>> work, string monitor, string operation, bool transaction, CancellationToken cancellationToken)
        => _database.RunAsync(work, transaction, $"monitor bucket store (monitor '{monitor}')", operation, static (message, error) => new MonitoringException(message, error), cancellationToken);
}
