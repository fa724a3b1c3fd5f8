namespace MlValue.Registry;

/// <summary>
/// The resolved settings of one registry: <see cref="ModelRegistryOptions"/> with its defaults
/// applied (the root folder made absolute, the code version filled in). <c>AddModelRegistry()</c>
/// registers one instance; a metadata store resolves it rather than reading the options itself,
/// so every store puts its files and applies its defaults the same way.
/// </summary>
public sealed record RegistrySettings
{
    /// <summary>The absolute folder holding the metadata (for the embedded store <c>registry.db</c>) and <c>artifacts/</c>.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>How long a store waits on a locked database before it reports busy.</summary>
    public required TimeSpan BusyTimeout { get; init; }

    /// <summary>How many times a busy transaction is retried with backoff.</summary>
    public required int MaxBusyRetries { get; init; }

    /// <summary>The code version recorded when a registration gives none.</summary>
    public required string CodeVersion { get; init; }

    /// <summary>How old a leftover temporary blob file must be before garbage collection removes it.</summary>
    public required TimeSpan TempFileGracePeriod { get; init; }

    /// <summary>The embedded store's database file: <c>&lt;RootDirectory&gt;/registry.db</c>.</summary>
    public string DatabasePath => Path.Combine(RootDirectory, "registry.db");

    /// <summary>The default artifact store's folder: <c>&lt;RootDirectory&gt;/artifacts</c>.</summary>
    public string ArtifactDirectory => Path.Combine(RootDirectory, "artifacts");

    /// <summary>Applies the defaults: the root falls back to <c>&lt;MlValue:RootDirectory&gt;/registry</c> and is made absolute; the code version falls back to the informational version of the entry assembly (else MlValue's).</summary>
    /// <param name="options">The registry's options.</param>
    /// <param name="general">MlValue's general options.</param>
    /// <returns>The resolved settings.</returns>
    public static RegistrySettings Resolve(ModelRegistryOptions options, MlValueOptions general)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(general);
        var root = string.IsNullOrWhiteSpace(options.RootDirectory)
            ? Path.Combine(general.RootDirectory, "registry")
            : options.RootDirectory;
        return new RegistrySettings
        {
            RootDirectory = Path.GetFullPath(root),
            BusyTimeout = options.BusyTimeout,
            MaxBusyRetries = options.MaxBusyRetries,
            CodeVersion = string.IsNullOrWhiteSpace(options.CodeVersion) ? CodeVersions.Default() : options.CodeVersion,
            TempFileGracePeriod = options.TempFileGracePeriod,
        };
    }
}
