using Microsoft.Data.Sqlite;

namespace MlValue.Runs;

/// <summary>
/// The default run store: one SQLite file (WAL mode). Each save is one transaction, so a process
/// killed mid-write leaves the previous record intact; leases are taken in an immediate transaction,
/// so two processes never both hold one.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly string _connectionString;

    /// <summary>Opens (and creates when missing) the store at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The SQLite file, for example <c>mlvalue/runs/runs.db</c>.</param>
    public SqliteRunStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, null, RunStoreSql.CreateSchema);
    }

    /// <inheritdoc />
    public Task<RunRecord> CreateAsync(string loopName, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var sequence = (long)Scalar(connection, tx, RunStoreSql.NextSequence, ("$loop", loopName))!;
        var record = RunRecordJson.NewRecord(loopName, sequence, runKey, reason, stepNames, startedAt);
        Execute(connection, tx, RunStoreSql.Insert, ("$id", record.RunId), ("$loop", loopName), ("$seq", sequence), ("$key", record.RunKey), ("$record", RunRecordJson.Serialize(record)));
        tx.Commit();
        return Task.FromResult(record);
    }

    /// <inheritdoc />
    public Task SaveAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = Open();
        var changed = Execute(connection, null, RunStoreSql.Update, ("$id", record.RunId), ("$loop", record.LoopName), ("$record", RunRecordJson.Serialize(record)));
        if (changed != 1)
        {
            throw new RunStoreException($"Run {record.RunId} of loop '{record.LoopName}' does not exist; create it with CreateAsync first.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindByKeyAsync(string loopName, string runKey, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        var json = (string?)Scalar(connection, null, RunStoreSql.FindByKey, ("$loop", loopName), ("$key", runKey));
        return Task.FromResult(json is null ? null : RunRecordJson.Deserialize(json));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string loopName, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = Command(connection, null, RunStoreSql.List, ("$loop", loopName));
        using var reader = command.ExecuteReader();
        var list = new List<RunRecord>();
        while (reader.Read())
        {
            list.Add(RunRecordJson.Deserialize(reader.GetString(0)));
        }

        return Task.FromResult<IReadOnlyList<RunRecord>>(list);
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string loopName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var command = Command(connection, tx, RunStoreSql.GetLease, ("$loop", loopName)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read() && reader.GetString(0) != holder && reader.GetInt64(1) > now.ToUnixTimeMilliseconds())
            {
                return Task.FromResult(false);
            }
        }

        Execute(connection, tx, RunStoreSql.PutLease, ("$loop", loopName), ("$holder", holder), ("$expires", (now + duration).ToUnixTimeMilliseconds()));
        tx.Commit();
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string loopName, string holder, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        Execute(connection, null, RunStoreSql.DeleteLease, ("$loop", loopName), ("$holder", holder));
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, RunStoreSql.Pragmas);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new RunStoreException($"The run store '{connection.DataSource}' could not be opened ({ex.Message}). Check that the folder is writable and the file is a SQLite database.", ex);
        }
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, tx, sql, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
