using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MlValue.Registry;

/// <summary>The one place where SQLite failures become <see cref="RegistryStoreException"/>s that say what, where and how.</summary>
internal sealed partial class RegistryDatabase
{
    private RegistryStoreException Failure(SqliteException error, string operation)
    {
        var path = _settings.DatabasePath;
        var message = error.SqliteErrorCode switch
        {
            5 or 6 => $"{operation} could not use the registry database '{path}': it is still locked by another process after {_settings.MaxBusyRetries} busy retries, each waiting up to {_settings.BusyTimeout} ({error.Message}). Nothing was changed. Raise MlValue:Registry:BusyTimeout or MaxBusyRetries, or find the process holding a long transaction on the file.",
            11 or 26 => $"{operation} could not read the registry database '{path}': it is damaged ({error.Message}). Nothing was changed. Stop every process using the registry and restore registry.db from a backup; the blobs in '{_settings.ArtifactDirectory}' are named by their SHA-256 and stay valid.",
            _ => $"{operation} failed on the registry database '{path}' ({error.Message}). Nothing was changed. Check that the folder is writable, that the disk has space and that the file is this registry's database.",
        };
        return new RegistryStoreException(message, error) { StorePath = path, Operation = operation };
    }

    private RegistryStoreException Refusal(string operation, string problem)
        => new($"{operation} refused to start the registry: {problem}") { StorePath = _settings.DatabasePath, Operation = operation };

    private string EmptyDatabase(int blobs)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"the registry database '{_settings.DatabasePath}' is empty (0 bytes){Beside(blobs)}. Every version, alias and alias move it held is gone, and starting over would give new models the numbers of old ones. Restore registry.db from a backup (stop every process using the registry first); to really start an empty registry, move the whole folder '{_settings.RootDirectory}' away.");

    private string MissingDatabase(int blobs)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"the registry database '{_settings.DatabasePath}' does not exist{Beside(blobs)}, so earlier versions were registered here and their records are lost. Restore registry.db from a backup; to really start an empty registry, move the folder '{_settings.ArtifactDirectory}' away.");

    private string Beside(int blobs)
        => blobs == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", while '{_settings.ArtifactDirectory}' holds {blobs} {(blobs == 1 ? "blob" : "blobs")} of registered artifacts");
}
