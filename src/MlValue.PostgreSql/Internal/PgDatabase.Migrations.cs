using System.Globalization;
using Npgsql;

namespace MlValue.Internal;

internal sealed partial class PgDatabase
{
    /// <summary>Applies the migrations once per instance, before its first statement.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await _retry.ExecuteAsync(async token => await MigrateAsync(PgMigrations.Latest, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>
    /// Applies the migrations after the recorded version up to <paramref name="upTo"/>, in one transaction that
    /// holds a transaction-level advisory lock of the schema, so that processes starting at once apply each
    /// migration once: the first applies them, the others wait and then find nothing to do.
    /// </summary>
    /// <returns>The versions applied by this call.</returns>
    /// <exception cref="PostgreSqlSchemaException">The database records a schema version newer than this build knows.</exception>
    public async Task<IReadOnlyList<int>> MigrateAsync(int upTo, CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                await PgCommands.ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0));", cancellationToken, ("key", "mlvalue.schema:" + Schema)).ConfigureAwait(false);
                var exists = await PgCommands.ScalarAsync(connection, tx, "SELECT 1 FROM pg_namespace WHERE nspname = @schema;", cancellationToken, ("schema", Schema)).ConfigureAwait(false) is not null;
                // The schema name is a checked plain identifier (CheckSchema), never user text that needs quoting.
                var prepare = (exists ? string.Empty : "CREATE SCHEMA " + Schema + ";\n")
                    + "SET LOCAL search_path TO " + Schema + ";\n"
                    + "CREATE TABLE IF NOT EXISTS mlvalue_schema_version (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL);";
                await PgCommands.ExecuteAsync(connection, tx, prepare, cancellationToken).ConfigureAwait(false);
                var current = Convert.ToInt32(await PgCommands.ScalarAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM mlvalue_schema_version;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (current > PgMigrations.Latest)
                {
                    throw new PostgreSqlSchemaException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The schema '{Schema}' on {Server} is at version {current}, newer than version {PgMigrations.Latest}, the newest this MlValue.PostgreSql knows: a newer MlValue migrated it. Nothing was changed. Upgrade this application to the MlValue version that wrote it (or newer); an older one must not write to a schema it does not understand, so do not delete rows of mlvalue_schema_version."))
                    {
                        Schema = Schema,
                        DatabaseVersion = current,
                        SupportedVersion = PgMigrations.Latest,
                    };
                }

                var applied = new List<int>();
                foreach (var (version, description, sql) in PgMigrations.All)
                {
                    if (version <= current || version > upTo)
                    {
                        continue;
                    }

                    await PgCommands.ExecuteAsync(connection, tx, sql, cancellationToken).ConfigureAwait(false);
                    await PgCommands.ExecuteAsync(
                        connection, tx, "INSERT INTO mlvalue_schema_version (version, description, applied_at) VALUES (@version, @description, @applied);", cancellationToken,
                        ("version", version), ("description", description), ("applied", _time.GetUtcNow())).ConfigureAwait(false);
                    applied.Add(version);
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }
}
