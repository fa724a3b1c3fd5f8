namespace MlValue.Registry;

/// <summary>
/// The PostgreSQL-only statements of the registry: those whose types differ from SQLite's (the archived flag is a
/// <c>boolean</c>, a <c>NULL</c> filter needs its type), the idempotency key, the row and advisory locks that take the
/// place of SQLite's <c>BEGIN IMMEDIATE</c>, and garbage collection in SQL. The schema is in <c>PgMigrations</c>.
/// </summary>
internal static partial class RegistrySql
{
    /// <summary>Held (shared) by every registration and (exclusive) by garbage collection, so a blob a registration reuses is never collected under it.</summary>
    public const string LockBlobsShared = "SELECT pg_advisory_xact_lock_shared(hashtextextended(@key, 0));";

    public const string LockBlobsExclusive = "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0));";

    /// <summary>Serialises the alias moves and retention of one model (the counter row exists once a version was registered).</summary>
    public const string LockModel = "SELECT last_version FROM models WHERE model_name = @model FOR UPDATE;";

    public const string FindByIdempotencyKey = "SELECT version FROM model_versions WHERE idempotency_key = @key AND model_name = @model;";

    public const string InsertVersionWithKey = """
        INSERT INTO model_versions (model_name, version, format_id, artifact_sha256, artifact_size, trainer_name,
            hyperparameters, seed, training_dataset_ids, evaluation_dataset_ids, parent_version, code_version, created_at, archived, idempotency_key)
        VALUES (@model, @version, @format, @sha, @size, @trainer, @hyper, @seed, @train, @eval, @parent, @code, @created, false, @key);
        """;

    public const string SearchTyped = "SELECT " + VersionColumns + """
         FROM model_versions v
        WHERE (@model::text IS NULL OR v.model_name = @model::text)
          AND (@archived::boolean OR NOT v.archived)
          AND (@tagKey::text IS NULL OR EXISTS (SELECT 1 FROM version_tags t WHERE t.model_name = v.model_name AND t.version = v.version
               AND t.tag_key = @tagKey::text AND (@tagValue::text IS NULL OR t.tag_value = @tagValue::text)))
          AND (@alias::text IS NULL OR EXISTS (SELECT 1 FROM aliases a WHERE a.model_name = v.model_name AND a.alias = @alias::text AND a.version = v.version))
          AND (@metric::text IS NULL OR EXISTS (SELECT 1 FROM version_metrics m WHERE m.model_name = v.model_name AND m.version = v.version
               AND m.metric_name = @metric::text AND (@minMetric::double precision IS NULL OR m.metric_value >= @minMetric::double precision)))
        ORDER BY v.model_name, v.version;
        """;

    public const string ArchiveVersionTyped = "UPDATE model_versions SET archived = true WHERE model_name = @model AND version = @version;";

    public const string DeleteUnreferencedBlobs = """
        DELETE FROM blobs b
        WHERE NOT EXISTS (SELECT 1 FROM model_versions v WHERE v.artifact_sha256 = b.sha256)
          AND NOT EXISTS (SELECT 1 FROM version_attachments a WHERE a.sha256 = b.sha256)
        RETURNING b.sha256;
        """;

    public const string CountBlobs = "SELECT COUNT(*) FROM blobs;";

    public const string BlobExists = "SELECT 1 FROM blobs WHERE sha256 = @sha;";

    public const string DeleteBlob = "DELETE FROM blobs WHERE sha256 = @sha;";

    public const string ListBlobs = "SELECT sha256 FROM blobs ORDER BY sha256 COLLATE \"C\";";
}
