namespace MlValue.Runs;

/// <summary>All SQL of the run store, in one place and in portable SQL (a PostgreSQL store can reuse it).</summary>
internal static class RunStoreSql
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT NOT NULL,
            loop TEXT NOT NULL,
            seq INTEGER NOT NULL,
            run_key TEXT NOT NULL,
            record TEXT NOT NULL,
            PRIMARY KEY (loop, run_id),
            UNIQUE (loop, seq),
            UNIQUE (loop, run_key));
        CREATE TABLE IF NOT EXISTS leases (
            loop TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at INTEGER NOT NULL);
        """;

    public const string NextSequence = "SELECT COALESCE(MAX(seq), 0) + 1 FROM runs WHERE loop = $loop;";

    public const string Insert = "INSERT INTO runs (run_id, loop, seq, run_key, record) VALUES ($id, $loop, $seq, $key, $record);";

    public const string Update = "UPDATE runs SET record = $record WHERE loop = $loop AND run_id = $id;";

    public const string FindByKey = "SELECT record FROM runs WHERE loop = $loop AND run_key = $key;";

    public const string List = "SELECT record FROM runs WHERE loop = $loop ORDER BY seq;";

    public const string GetLease = "SELECT holder, expires_at FROM leases WHERE loop = $loop;";

    public const string PutLease = "INSERT INTO leases (loop, holder, expires_at) VALUES ($loop, $holder, $expires) ON CONFLICT (loop) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at;";

    public const string DeleteLease = "DELETE FROM leases WHERE loop = $loop AND holder = $holder;";
}
