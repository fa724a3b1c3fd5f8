using Microsoft.Data.Sqlite;
using MlValue.Internal;

namespace MlValue.Runs;

/// <summary>Connections and commands, and the one place where SQLite failures become <see cref="RunStoreException"/>s.</summary>
public sealed partial class SqliteRunStore
{
    private const string Opening = "open";

    /// <summary>Creates the file atomically with its schema when it is missing (only when the store is opened: a file that vanishes later is an error).</summary>
    private void CreateIfMissing()
    {
        try
        {
            if (!File.Exists(_path))
            {
                SqliteFiles.CreateAtomically(_path, connection =>
                {
                    Execute(connection, null, RunStoreSql.Pragmas);
                    Execute(connection, null, RunStoreSql.CreateSchema);
                });
            }
        }
        catch (SqliteException error)
        {
            throw Failure(error, Opening);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection (the file is never created here).</summary>
    private T Use<T>(string operation, Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, null, RunStoreSql.Pragmas);
            return work(connection);
        }
        catch (SqliteException error)
        {
            throw Failure(error, operation);
        }
    }

    private RunStoreException Failure(SqliteException error, string operation)
    {
        var where = $"The run store '{_path}' could not be {(operation == Opening ? "opened" : "used by " + operation)}";
        var message = error.SqliteErrorCode switch
        {
            5 or 6 => $"{where}: it is still locked by another process after the busy timeout of 30 s ({error.Message}). Nothing was changed. Find the process holding a long transaction on the file, then retry.",
            11 or 26 => $"{where}: it is damaged ({error.Message}). Nothing was changed. Stop every process using it and restore runs.db from a backup.",
            _ => $"{where} ({error.Message}). Nothing was changed. Check that the folder is writable, that the disk has space and that the file is a run store's SQLite database.",
        };
        return new RunStoreException(message, error);
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is always a constant of RunStoreSql; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
