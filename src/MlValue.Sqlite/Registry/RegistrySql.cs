namespace MlValue.Registry;

/// <summary>
/// The SQLite statements of the registry: the schema, the pragmas, the immutability trigger and the
/// statements whose types differ between the dialects (the archived flag, timestamps as text). The
/// statements both stores run unchanged are in <c>src/Shared/Sql/RegistrySql.Portable.cs</c>, compiled into
/// MlValue.Sqlite and MlValue.PostgreSql; <c>BEGIN IMMEDIATE</c> is issued by the connection.
/// </summary>
internal static partial class RegistrySql
{
    /// <summary>SQLite only: connection settings applied on every open.</summary>
    public static string ConnectionPragmas(int busyTimeoutMilliseconds)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");

    /// <summary>SQLite only: write-ahead logging, kept in the database file once set.</summary>
    public const string JournalModeWal = "PRAGMA journal_mode = WAL;";

    /// <summary>SQLite only: the integrity check (answers one row, <c>ok</c>, when sound).</summary>
    public const string IntegrityCheck = "PRAGMA integrity_check;";

    public const string CreateSchema = """
        CREATE TABLE IF NOT EXISTS models (
            model_name TEXT NOT NULL PRIMARY KEY,
            last_version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS model_versions (
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            format_id TEXT NOT NULL,
            artifact_sha256 TEXT NOT NULL,
            artifact_size INTEGER NOT NULL,
            trainer_name TEXT NOT NULL,
            hyperparameters TEXT NOT NULL,
            seed INTEGER NULL,
            training_dataset_ids TEXT NOT NULL,
            evaluation_dataset_ids TEXT NOT NULL,
            parent_version INTEGER NULL,
            code_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (model_name, version));
        CREATE TABLE IF NOT EXISTS version_metrics (
            model_name TEXT NOT NULL, version INTEGER NOT NULL, metric_name TEXT NOT NULL, metric_value REAL NOT NULL,
            PRIMARY KEY (model_name, version, metric_name),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS version_tags (
            model_name TEXT NOT NULL, version INTEGER NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,
            PRIMARY KEY (model_name, version, tag_key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS version_attachments (
            model_name TEXT NOT NULL, version INTEGER NOT NULL, attachment_name TEXT NOT NULL, sha256 TEXT NOT NULL,
            PRIMARY KEY (model_name, version, attachment_name),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS aliases (
            model_name TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL,
            PRIMARY KEY (model_name, alias),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version));
        CREATE TABLE IF NOT EXISTS alias_moves (
            model_name TEXT NOT NULL, alias TEXT NOT NULL, seq INTEGER NOT NULL,
            from_version INTEGER NULL, to_version INTEGER NOT NULL, moved_at TEXT NOT NULL, reason TEXT NOT NULL,
            PRIMARY KEY (model_name, alias, seq));
        """;

    /// <summary>SQLite only: versions are immutable; only the archived flag may change.</summary>
    public const string CreateImmutabilityTrigger = """
        CREATE TRIGGER IF NOT EXISTS model_versions_immutable
        BEFORE UPDATE OF model_name, version, format_id, artifact_sha256, artifact_size, trainer_name, hyperparameters,
            seed, training_dataset_ids, evaluation_dataset_ids, parent_version, code_version, created_at ON model_versions
        BEGIN SELECT RAISE(ABORT, 'model versions are immutable: register a new version instead'); END;
        """;

    public const string InsertVersion = """
        INSERT INTO model_versions (model_name, version, format_id, artifact_sha256, artifact_size, trainer_name,
            hyperparameters, seed, training_dataset_ids, evaluation_dataset_ids, parent_version, code_version, created_at, archived)
        VALUES ($model, $version, $format, $sha, $size, $trainer, $hyper, $seed, $train, $eval, $parent, $code, $created, 0);
        """;

    public const string Search = "SELECT " + VersionColumns + """
         FROM model_versions v
        WHERE ($model IS NULL OR v.model_name = $model)
          AND ($archived = 1 OR v.archived = 0)
          AND ($tagKey IS NULL OR EXISTS (SELECT 1 FROM version_tags t WHERE t.model_name = v.model_name AND t.version = v.version
               AND t.tag_key = $tagKey AND ($tagValue IS NULL OR t.tag_value = $tagValue)))
          AND ($alias IS NULL OR EXISTS (SELECT 1 FROM aliases a WHERE a.model_name = v.model_name AND a.alias = $alias AND a.version = v.version))
          AND ($metric IS NULL OR EXISTS (SELECT 1 FROM version_metrics m WHERE m.model_name = v.model_name AND m.version = v.version
               AND m.metric_name = $metric AND ($minMetric IS NULL OR m.metric_value >= $minMetric)))
        ORDER BY v.model_name, v.version;
        """;

    public const string ArchiveVersion = "UPDATE model_versions SET archived = 1 WHERE model_name = $model AND version = $version;";

    public const string SelectReferencedBlobs = "SELECT artifact_sha256 FROM model_versions UNION SELECT sha256 FROM version_attachments;";
}
