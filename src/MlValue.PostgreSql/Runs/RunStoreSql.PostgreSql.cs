namespace MlValue.Runs;

/// <summary>The PostgreSQL-only statements of the run store (the schema is in <c>PgMigrations</c>).</summary>
internal static partial class RunStoreSql
{
    /// <summary>Serialises the numbering of one loop's runs (in place of SQLite's <c>BEGIN IMMEDIATE</c>).</summary>
    public const string LockLoop = "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0));";

    /// <summary>
    /// Takes the lease in one statement: inserted when free, taken over when the caller holds it or it expired,
    /// else left alone; a row comes back only when the caller holds the lease now.
    /// </summary>
    public const string TakeLease = """
        INSERT INTO leases (loop, holder, expires_at) VALUES (@loop, @holder, @expires)
        ON CONFLICT (loop) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
        RETURNING holder;
        """;
}
