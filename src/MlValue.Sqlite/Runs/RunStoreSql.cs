namespace MlValue.Runs;

/// <summary>The SQLite part of the run store's SQL (pragmas, schema); the portable statements are in <c>src/Shared/Sql/RunStoreSql.Portable.cs</c>.</summary>
internal static partial class RunStoreSql
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
}
