namespace MlValue.Registry;

/// <summary>
/// The registry statements that run unchanged on SQLite and on PostgreSQL: upserts with <c>ON CONFLICT</c>,
/// <c>RETURNING</c>, <c>EXISTS</c> sub-queries, no dialect functions and no literal of a dialect type. Parameters
/// are written <c>$name</c> (SQLite's prefix); the PostgreSQL store turns them into <c>@name</c>. Compiled as source
/// into both store packages; the dialect-specific statements stay in each package's own part of this class.
/// </summary>
internal static partial class RegistrySql
{
    public const string NextVersion = """
        INSERT INTO models (model_name, last_version) VALUES ($model, 1)
        ON CONFLICT (model_name) DO UPDATE SET last_version = models.last_version + 1
        RETURNING last_version;
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

    public const string DeleteVersion = "DELETE FROM model_versions WHERE model_name = $model AND version = $version;";
}
