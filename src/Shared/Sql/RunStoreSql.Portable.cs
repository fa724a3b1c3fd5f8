namespace MlValue.Runs;

/// <summary>
/// The run-store statements that run unchanged on SQLite and on PostgreSQL (parameters written <c>$name</c>; the
/// PostgreSQL store turns them into <c>@name</c>). Compiled as source into both store packages.
/// </summary>
internal static partial class RunStoreSql
{
    public const string NextSequence = "SELECT COALESCE(MAX(seq), 0) + 1 FROM runs WHERE loop = $loop;";

    public const string Insert = "INSERT INTO runs (run_id, loop, seq, run_key, record) VALUES ($id, $loop, $seq, $key, $record);";

    public const string Update = "UPDATE runs SET record = $record WHERE loop = $loop AND run_id = $id;";

    public const string FindByKey = "SELECT record FROM runs WHERE loop = $loop AND run_key = $key;";

    public const string List = "SELECT record FROM runs WHERE loop = $loop ORDER BY seq;";

    /// <summary>The loops that have runs.</summary>
    public const string Loops = "SELECT DISTINCT loop FROM runs ORDER BY loop;";

    public const string GetLease = "SELECT holder, expires_at FROM leases WHERE loop = $loop;";

    public const string PutLease = "INSERT INTO leases (loop, holder, expires_at) VALUES ($loop, $holder, $expires) ON CONFLICT (loop) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at;";

    public const string DeleteLease = "DELETE FROM leases WHERE loop = $loop AND holder = $holder;";
}
