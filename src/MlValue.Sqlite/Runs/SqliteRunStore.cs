using MlValue.Internal;

namespace MlValue.Runs;

/// <summary>
/// The default run store: one SQLite file (WAL mode). Each save is one transaction, so a process
/// killed mid-write leaves the previous record intact; leases are taken in an immediate transaction,
/// so two processes never both hold one. A new file is created under a temporary name and renamed into
/// place with its schema, so an empty <c>runs.db</c> is damage: it is refused, never started over.
/// Every SQLite failure is a <see cref="RunStoreException"/> naming the file, the operation and the remedy.
/// </summary>
public sealed partial class SqliteRunStore : IRunStore
{
    private readonly string _path;
    private readonly string _connectionString;

    /// <summary>Opens (and creates when missing) the store at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The SQLite file, for example <c>mlvalue/runs/runs.db</c>.</param>
    /// <exception cref="RunStoreException">The file is empty, not a database, damaged or cannot be opened.</exception>
    public SqliteRunStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = _path, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString();
        if (SqliteFiles.IsEmpty(_path))
        {
            throw new RunStoreException($"The run store '{_path}' is empty (0 bytes): every run record and lease it held is gone, and starting over would number runs from 1 again. Restore runs.db from a backup (stop every process using it first), or move the empty file away to start a new store.");
        }

        CreateIfMissing();
        Use(Opening, connection => Execute(connection, null, RunStoreSql.CreateSchema));
    }

    /// <inheritdoc />
    public Task<RunRecord> CreateAsync(string loopName, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
        => Task.FromResult(Use(nameof(CreateAsync), connection =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var sequence = (long)Scalar(connection, tx, RunStoreSql.NextSequence, ("$loop", loopName))!;
            var record = RunRecord.CreatePending(loopName, sequence, runKey, reason, stepNames, startedAt);
            Execute(connection, tx, RunStoreSql.Insert, ("$id", record.RunId), ("$loop", loopName), ("$seq", sequence), ("$key", record.RunKey), ("$record", RunRecordJson.Serialize(record)));
            tx.Commit();
            return record;
        }));

    /// <inheritdoc />
    public Task SaveAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var changed = Use(nameof(SaveAsync), connection => Execute(connection, null, RunStoreSql.Update, ("$id", record.RunId), ("$loop", record.LoopName), ("$record", RunRecordJson.Serialize(record))));
        if (changed != 1)
        {
            throw new RunStoreException($"Run {record.RunId} of loop '{record.LoopName}' does not exist; create it with CreateAsync first.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindByKeyAsync(string loopName, string runKey, CancellationToken cancellationToken = default)
        => Task.FromResult(Use(nameof(FindByKeyAsync), connection =>
            Scalar(connection, null, RunStoreSql.FindByKey, ("$loop", loopName), ("$key", runKey)) is string json ? RunRecordJson.Deserialize(json) : null));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListLoopsAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<string>>(Use(nameof(ListLoopsAsync), connection =>
        {
            using var command = Command(connection, null, RunStoreSql.Loops);
            using var reader = command.ExecuteReader();
            var list = new List<string>();
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }

            return list.Order(StringComparer.Ordinal).ToList();
        }));

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string loopName, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<RunRecord>>(Use(nameof(ListAsync), connection =>
        {
            using var command = Command(connection, null, RunStoreSql.List, ("$loop", loopName));
            using var reader = command.ExecuteReader();
            var list = new List<RunRecord>();
            while (reader.Read())
            {
                list.Add(RunRecordJson.Deserialize(reader.GetString(0)));
            }

            return list;
        }));

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string loopName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
        => Task.FromResult(Use(nameof(TryAcquireLeaseAsync), connection =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using (var command = Command(connection, tx, RunStoreSql.GetLease, ("$loop", loopName)))
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read() && reader.GetString(0) != holder && reader.GetInt64(1) > now.ToUnixTimeMilliseconds())
                {
                    return false;
                }
            }

            Execute(connection, tx, RunStoreSql.PutLease, ("$loop", loopName), ("$holder", holder), ("$expires", (now + duration).ToUnixTimeMilliseconds()));
            tx.Commit();
            return true;
        }));

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string loopName, string holder, CancellationToken cancellationToken = default)
    {
        Use(nameof(ReleaseLeaseAsync), connection => Execute(connection, null, RunStoreSql.DeleteLease, ("$loop", loopName), ("$holder", holder)));
        return Task.CompletedTask;
    }
}
