namespace MlValue.Internal;

/// <summary>
/// The schema of the PostgreSQL stores as a numbered list of migrations, applied in order and each once
/// (recorded in <c>mlvalue_schema_version</c>). A migration is never edited once released: a change is a new
/// entry at the end. The scripts run with <c>search_path</c> set to the stores' schema.
/// </summary>
internal static class PgMigrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> All =
    [
        (1, "registry: models, versions, aliases, alias moves and chunked artifact blobs", Registry),
        (2, "runs: run records and loop leases", Runs),
        (3, "checkpoints: one checkpoint per data source", Checkpoints),
        (4, "registry: an idempotency key per registration", IdempotencyKey),
        (5, "monitoring: one bucket per monitor, bucket start and replica", MonitorBuckets),
        (6, "state: shared state documents replaced by compare-and-swap on their revision", StateDocuments),
        (7, "datasets: compressed dataset content by content id", Datasets),
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => All[^1].Version;

    private const string Registry = """
        CREATE TABLE models (
            model_name text NOT NULL PRIMARY KEY,
            last_version integer NOT NULL);
        CREATE TABLE blobs (
            sha256 text NOT NULL PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            size bigint NOT NULL CHECK (size >= 0),
            chunk_count integer NOT NULL CHECK (chunk_count >= 0),
            created_at timestamptz NOT NULL);
        CREATE TABLE blob_chunks (
            sha256 text NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
            chunk_index integer NOT NULL CHECK (chunk_index >= 0),
            data bytea NOT NULL,
            PRIMARY KEY (sha256, chunk_index));
        -- Model bytes rarely compress: store the chunks out of line without trying.
        ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
        CREATE TABLE model_versions (
            model_name text NOT NULL REFERENCES models (model_name),
            version integer NOT NULL,
            format_id text NOT NULL,
            artifact_sha256 text NOT NULL REFERENCES blobs (sha256),
            artifact_size bigint NOT NULL,
            trainer_name text NOT NULL,
            hyperparameters text NOT NULL,
            seed integer NULL,
            training_dataset_ids text NOT NULL,
            evaluation_dataset_ids text NOT NULL,
            parent_version integer NULL,
            code_version text NOT NULL,
            created_at timestamptz NOT NULL,
            archived boolean NOT NULL DEFAULT false,
            PRIMARY KEY (model_name, version));
        CREATE INDEX model_versions_artifact ON model_versions (artifact_sha256);
        CREATE TABLE version_metrics (
            model_name text NOT NULL, version integer NOT NULL, metric_name text NOT NULL, metric_value double precision NOT NULL,
            PRIMARY KEY (model_name, version, metric_name),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE TABLE version_tags (
            model_name text NOT NULL, version integer NOT NULL, tag_key text NOT NULL, tag_value text NOT NULL,
            PRIMARY KEY (model_name, version, tag_key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE TABLE version_attachments (
            model_name text NOT NULL, version integer NOT NULL, attachment_name text NOT NULL,
            sha256 text NOT NULL REFERENCES blobs (sha256),
            PRIMARY KEY (model_name, version, attachment_name),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version) ON DELETE CASCADE);
        CREATE INDEX version_attachments_blob ON version_attachments (sha256);
        CREATE TABLE aliases (
            model_name text NOT NULL, alias text NOT NULL, version integer NOT NULL,
            PRIMARY KEY (model_name, alias),
            FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version));
        CREATE TABLE alias_moves (
            model_name text NOT NULL, alias text NOT NULL, seq integer NOT NULL,
            from_version integer NULL, to_version integer NOT NULL, moved_at timestamptz NOT NULL, reason text NOT NULL,
            PRIMARY KEY (model_name, alias, seq));
        CREATE FUNCTION model_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF ROW(NEW.model_name, NEW.version, NEW.format_id, NEW.artifact_sha256, NEW.artifact_size, NEW.trainer_name, NEW.hyperparameters,
                   NEW.seed, NEW.training_dataset_ids, NEW.evaluation_dataset_ids, NEW.parent_version, NEW.code_version, NEW.created_at)
               IS DISTINCT FROM
               ROW(OLD.model_name, OLD.version, OLD.format_id, OLD.artifact_sha256, OLD.artifact_size, OLD.trainer_name, OLD.hyperparameters,
                   OLD.seed, OLD.training_dataset_ids, OLD.evaluation_dataset_ids, OLD.parent_version, OLD.code_version, OLD.created_at) THEN
                RAISE EXCEPTION 'model versions are immutable: register a new version instead' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER model_versions_immutable BEFORE UPDATE ON model_versions
            FOR EACH ROW EXECUTE FUNCTION model_versions_immutable();
        """;

    private const string Runs = """
        CREATE TABLE runs (
            run_id text NOT NULL,
            loop text NOT NULL,
            seq bigint NOT NULL,
            run_key text NOT NULL,
            record text NOT NULL,
            PRIMARY KEY (loop, run_id),
            UNIQUE (loop, seq),
            UNIQUE (loop, run_key));
        CREATE TABLE leases (
            loop text NOT NULL PRIMARY KEY,
            holder text NOT NULL,
            expires_at bigint NOT NULL);
        """;

    private const string Checkpoints = """
        CREATE TABLE checkpoints (
            source_name text NOT NULL PRIMARY KEY,
            checkpoint text NOT NULL,
            saved_at timestamptz NOT NULL);
        """;

    private const string IdempotencyKey = """
        ALTER TABLE model_versions ADD COLUMN idempotency_key uuid NULL;
        ALTER TABLE model_versions ADD CONSTRAINT model_versions_idempotency_key UNIQUE (idempotency_key);
        CREATE OR REPLACE FUNCTION model_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF ROW(NEW.model_name, NEW.version, NEW.format_id, NEW.artifact_sha256, NEW.artifact_size, NEW.trainer_name, NEW.hyperparameters,
                   NEW.seed, NEW.training_dataset_ids, NEW.evaluation_dataset_ids, NEW.parent_version, NEW.code_version, NEW.created_at, NEW.idempotency_key)
               IS DISTINCT FROM
               ROW(OLD.model_name, OLD.version, OLD.format_id, OLD.artifact_sha256, OLD.artifact_size, OLD.trainer_name, OLD.hyperparameters,
                   OLD.seed, OLD.training_dataset_ids, OLD.evaluation_dataset_ids, OLD.parent_version, OLD.code_version, OLD.created_at, OLD.idempotency_key) THEN
                RAISE EXCEPTION 'model versions are immutable: register a new version instead' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$;
        """;

    private const string MonitorBuckets = """
        CREATE TABLE monitor_buckets (
            monitor_name text NOT NULL,
            bucket_start timestamptz NOT NULL,
            replica text NOT NULL,
            payload bytea NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (monitor_name, bucket_start, replica));
        """;

    private const string StateDocuments = """
        CREATE TABLE state_documents (
            key text NOT NULL PRIMARY KEY,
            revision bigint NOT NULL CHECK (revision >= 1),
            content bytea NOT NULL,
            saved_at timestamptz NOT NULL);
        """;

    private const string Datasets = """
        CREATE TABLE datasets (
            dataset_id text NOT NULL PRIMARY KEY CHECK (dataset_id ~ '^ds-[0-9a-f]{32}$'),
            content bytea NOT NULL,
            size bigint NOT NULL CHECK (size >= 0),
            stored_at timestamptz NOT NULL);
        -- The content is gzip already: store it out of line without trying to compress it again.
        ALTER TABLE datasets ALTER COLUMN content SET STORAGE EXTERNAL;
        """;
}
