namespace MlValue.Registry;

/// <summary>
/// Every SQL statement of the registry, in one place. The statements are portable SQL
/// (upsert with <c>ON CONFLICT</c>, <c>RETURNING</c>, named parameters) so that a PostgreSQL
/// store can reuse them with its own parameter prefix; the SQLite-only parts (pragmas, the
/// immutability trigger, <c>BEGIN IMMEDIATE</c> which the connection issues) are marked.
/// </summary>
internal static class RegistrySql
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

    public const string NextVersion = """
        INSERT INTO models (model_name, last_version) VALUES ($model, 1)
        ON CONFLICT (model_name) DO UPDATE SET last_version = models.last_version + 1
        RETURNING last_version;
        """;

    public const string InsertVersion = """
        INSERT INTO model_versions (model_name, version, format_id, artifact_sha256, artifact_size, trainer_name,
            hyperparameters, seed, training_dataset_ids, evaluation_dataset_ids, parent_version, code_version, created_at, archived)
        VALUES ($model, $version, $format, $sha, $size, $trainer, $hyper, $seed, $train, $eval, $parent, $code, $created, 0);
        """;

    public const string InsertMetric = "INSERT INTO version_metrics (model_name, version, metric_name, metric_value) VALUES ($model, $version, $name, $value);";

    public const string InsertTag = "INSERT INTO version_tags (model_name, version, tag_key, tag_value) VALUES ($model, $version, $name, $value);";

    public const string InsertAttachment = "INSERT INTO version_attachments (model_name, version, attachment_name, sha256) VALUES ($model, $version, $name, $value);";

    public const string VersionColumns = """
        v.model_name, v.version, v.format_id, v.artifact_sha256, v.artifact_size, v.trainer_name, v.hyperparameters, v.seed,
        v.training_dataset_ids, v.evaluation_dataset_ids, v.parent_version, v.code_version, v.created_at, v.archived
        """;

    public const string SelectVersion = "SELECT " + VersionColumns + " FROM model_versions v WHERE v.model_name = $model AND v.version = $version;";

    public const string SelectMetrics = "SELECT metric_name, metric_value FROM version_metrics WHERE model_name = $model AND version = $version ORDER BY metric_name;";

    public const string SelectTags = "SELECT tag_key, tag_value FROM version_tags WHERE model_name = $model AND version = $version ORDER BY tag_key;";

    public const string SelectAttachments = "SELECT attachment_name, sha256 FROM version_attachments WHERE model_name = $model AND version = $version ORDER BY attachment_name;";

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

    public const string SelectAlias = "SELECT version FROM aliases WHERE model_name = $model AND alias = $alias;";

    public const string SelectAliases = "SELECT alias, version FROM aliases WHERE model_name = $model ORDER BY alias;";

    public const string VersionExists = "SELECT COUNT(*) FROM model_versions WHERE model_name = $model AND version = $version;";

    public const string UpsertAlias = """
        INSERT INTO aliases (model_name, alias, version) VALUES ($model, $alias, $version)
        ON CONFLICT (model_name, alias) DO UPDATE SET version = excluded.version;
        """;

    public const string InsertAliasMove = """
        INSERT INTO alias_moves (model_name, alias, seq, from_version, to_version, moved_at, reason)
        SELECT $model, $alias, COALESCE(MAX(seq), 0) + 1, $from, $version, $movedAt, $reason
        FROM alias_moves WHERE model_name = $model AND alias = $alias;
        """;

    public const string SelectAliasHistory = "SELECT from_version, to_version, moved_at, reason FROM alias_moves WHERE model_name = $model AND alias = $alias ORDER BY seq;";

    public const string SelectPromotions = "SELECT alias, from_version, to_version, moved_at, reason FROM alias_moves WHERE model_name = $model AND to_version = $version ORDER BY moved_at, alias, seq;";

    public const string SelectRetentionCandidates = "SELECT version, archived FROM model_versions WHERE model_name = $model ORDER BY version DESC;";

    public const string SelectAliasedVersions = "SELECT DISTINCT version FROM aliases WHERE model_name = $model;";

    public const string ArchiveVersion = "UPDATE model_versions SET archived = 1 WHERE model_name = $model AND version = $version;";

    public const string DeleteVersion = "DELETE FROM model_versions WHERE model_name = $model AND version = $version;";

    public const string SelectReferencedBlobs = "SELECT artifact_sha256 FROM model_versions UNION SELECT sha256 FROM version_attachments;";
}
