namespace MlValue.Registry;

/// <summary>The resolved settings of one registry instance.</summary>
/// <param name="RootDirectory">The absolute folder holding <c>registry.db</c> and <c>artifacts/</c>.</param>
/// <param name="BusyTimeout">How long SQLite waits on a locked database before reporting busy.</param>
/// <param name="MaxBusyRetries">How many times a busy transaction is retried with backoff.</param>
/// <param name="CodeVersion">The code version recorded when a registration gives none.</param>
/// <param name="TempFileGracePeriod">How old a leftover temporary blob file must be before garbage collection removes it.</param>
internal sealed record RegistrySettings(
    string RootDirectory,
    TimeSpan BusyTimeout,
    int MaxBusyRetries,
    string CodeVersion,
    TimeSpan TempFileGracePeriod)
{
    public string DatabasePath => Path.Combine(RootDirectory, "registry.db");

    public string ArtifactDirectory => Path.Combine(RootDirectory, "artifacts");

    public static RegistrySettings Resolve(ModelRegistryOptions options, MlValueOptions general)
    {
        var root = string.IsNullOrWhiteSpace(options.RootDirectory)
            ? Path.Combine(general.RootDirectory, "registry")
            : options.RootDirectory;
        return new RegistrySettings(
            Path.GetFullPath(root),
            options.BusyTimeout,
            options.MaxBusyRetries,
            string.IsNullOrWhiteSpace(options.CodeVersion) ? CodeVersions.Default() : options.CodeVersion,
            options.TempFileGracePeriod);
    }
}
