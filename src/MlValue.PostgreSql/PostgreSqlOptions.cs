namespace MlValue;

/// <summary>Options of the PostgreSQL stores, bound from <c>MlValue:PostgreSql</c>.</summary>
public class PostgreSqlOptions
{
    /// <summary>The default <see cref="Schema"/>: <c>mlvalue</c>.</summary>
    public const string DefaultSchema = "mlvalue";

    /// <summary>
    /// The Npgsql connection string, for example <c>Host=127.0.0.1;Port=5432;Username=mlvalue;Password=…;Database=mlvalue</c>.
    /// Required. The database must exist; the stores create their schema and tables in it.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema that holds every table of the stores (created when missing): a lower-case identifier of letters,
    /// digits and '_', not starting with a digit, at most 63 characters. Default: <c>mlvalue</c>.
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// How many times an operation that failed with a transient error (a dropped connection, a timeout, a server
    /// shutting down, a serialization failure or a deadlock) is retried, with exponential backoff and jitter. Default: 5; 0 to 20 allowed.
    /// </summary>
    public int MaxTransientRetries { get; set; } = 5;

    /// <summary>The first backoff delay of a retry, doubled at each further retry (at most 5 seconds). Default: 200 milliseconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether start-up opens one connection to check the server, the credentials and the database, so that a
    /// wrong setting fails when the application starts rather than on the first registry call. Default: <see langword="true"/>.
    /// </summary>
    public bool CheckConnectionOnStart { get; set; } = true;
}
