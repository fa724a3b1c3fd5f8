namespace MlValue.Samples.SpamLoop;

/// <summary>Where the loop keeps its registry, run store and checkpoints.</summary>
public enum SpamLoopStore
{
    /// <summary>The embedded SQLite stores under the output's <c>store</c> folder (<c>UseSqlite()</c>).</summary>
    Embedded,

    /// <summary>A PostgreSQL schema (<c>UsePostgreSql(...)</c>): registry with artifacts, run store, checkpoints.</summary>
    Postgres,
}
