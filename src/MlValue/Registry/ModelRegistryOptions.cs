namespace MlValue.Registry;

/// <summary>Options of the embedded model registry, bound from <c>MlValue:Registry</c>.</summary>
public class ModelRegistryOptions
{
    /// <summary>
    /// The folder holding the SQLite metadata (<c>registry.db</c>) and the content-addressed
    /// <c>artifacts/</c> folder. Default: <see langword="null"/>, meaning <c>&lt;MlValue:RootDirectory&gt;/registry</c>.
    /// </summary>
    public string? RootDirectory { get; set; }

    /// <summary>How long SQLite waits for another process's lock before reporting busy. Default: 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a transaction that found the database busy is retried, with exponential
    /// backoff and jitter starting at 20 milliseconds. Default: 8 retries; 0 to 100 allowed.
    /// </summary>
    public int MaxBusyRetries { get; set; } = 8;

    /// <summary>
    /// The code version recorded with each version whose registration gives none. Default:
    /// <see langword="null"/>, meaning the informational version of the entry assembly, else of MlValue.
    /// </summary>
    public string? CodeVersion { get; set; }

    /// <summary>
    /// How old a temporary blob file left by an interrupted write must be before garbage collection
    /// deletes it (younger ones may belong to a write in progress). Default: 1 hour.
    /// </summary>
    public TimeSpan TempFileGracePeriod { get; set; } = TimeSpan.FromHours(1);
}
