using Microsoft.Data.Sqlite;

namespace MlValue.Internal;

/// <summary>
/// Creating and checking the SQLite files of the registry and the run store. A new database is built
/// under a temporary name and renamed into place only once its schema is committed, so an empty
/// or schema-less file at the real name is never one of ours: it is damage, and the stores refuse it.
/// </summary>
internal static class SqliteFiles
{
    /// <summary>Whether the file exists and holds 0 bytes (truncated, or replaced by an empty file).</summary>
    public static bool IsEmpty(string path) => File.Exists(path) && new FileInfo(path).Length == 0;

    /// <summary>
    /// Creates the database at <paramref name="path"/> when it does not exist: <paramref name="initialise"/> runs on a
    /// connection to a temporary file beside it, which is then renamed into place (another process that got there first wins).
    /// </summary>
    public static void CreateAtomically(string path, Action<SqliteConnection> initialise)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = path + ".new-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                connection.Open();
                initialise(connection);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
                DirectorySync.Flush(folder);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created the database first; use theirs.
            }
        }
        finally
        {
            foreach (var leftover in new[] { temp, temp + "-wal", temp + "-shm", temp + "-journal" })
            {
                File.Delete(leftover);
            }
        }
    }
}
