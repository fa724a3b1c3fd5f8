using MlValue.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

/// <summary>
/// The model registry on PostgreSQL: metadata and artifacts in one schema, so one transaction makes a version
/// visible together with its blobs. Version numbers come from a per-model counter row taken under its row lock
/// (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>), alias moves lock the model's counter row, and a registration
/// carries an idempotency key so that a retry after a dropped connection returns the version it already created.
/// Every <see cref="NpgsqlException"/> leaves as a <see cref="RegistryStoreException"/> (see <c>Errors</c>).
/// </summary>
internal sealed partial class PostgreSqlModelRegistry : IModelRegistry, IModelRegistryMaintenance
{
    private readonly PgDatabase _database;
    private readonly RegistrySettings _settings;
    private readonly TimeProvider _time;
    private readonly RegistryTelemetry _telemetry;

    public PostgreSqlModelRegistry(PgDatabase database, RegistrySettings settings, TimeProvider timeProvider, RegistryTelemetry? telemetry = null)
    {
        _database = database;
        _settings = settings;
        _time = timeProvider;
        _telemetry = telemetry ?? new RegistryTelemetry();
    }

    public Task<ModelVersion?> GetVersionAsync(string modelName, int version, CancellationToken cancellationToken = default)
        => FindVersionAsync(modelName, version, cancellationToken);

    public async Task<ModelVersion?> GetByAliasAsync(string modelName, string alias, CancellationToken cancellationToken = default)
    {
        RegistryNames.ModelName(modelName);
        RegistryNames.Alias(alias);
        var found = await FindAsync(new ModelQuery { ModelName = modelName, Alias = alias, IncludeArchived = true }, cancellationToken).ConfigureAwait(false);
        return found.SingleOrDefault();
    }

    public Task<IReadOnlyList<ModelVersion>> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default)
        => FindAsync(query, cancellationToken);

    private Task<ModelVersion?> FindVersionAsync(string modelName, int version, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        RegistryNames.ModelName(modelName);
        return ReadAsync(
            async (connection, token) => (await PgVersionRows.ReadAllAsync(connection, null, RegistrySql.SelectVersion, token, ("model", modelName), ("version", version)).ConfigureAwait(false)).SingleOrDefault(),
            cancellationToken,
            operation);
    }

    private async Task<IReadOnlyList<ModelVersion>> FindAsync(ModelQuery query, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ModelName is not null)
        {
            RegistryNames.ModelName(query.ModelName);
        }

        if (query.Alias is not null)
        {
            RegistryNames.Alias(query.Alias);
        }

        return await ReadAsync<IReadOnlyList<ModelVersion>>(
            async (connection, token) => await PgVersionRows.ReadAllAsync(
                connection,
                null,
                RegistrySql.SearchTyped,
                token,
                ("model", PgTyped.Text(query.ModelName)),
                ("archived", query.IncludeArchived),
                ("tagKey", PgTyped.Text(query.TagKey)),
                ("tagValue", PgTyped.Text(query.TagValue)),
                ("alias", PgTyped.Text(query.Alias)),
                ("metric", PgTyped.Text(query.MetricName)),
                ("minMetric", PgTyped.Double(query.MinMetricValue))).ConfigureAwait(false),
            cancellationToken,
            operation).ConfigureAwait(false);
    }

    private static ModelRegistryException NoSuchVersion(string modelName, int version)
        => new(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' has no version {version}. List its versions with SearchAsync(new ModelQuery {{ ModelName = \"{modelName}\", IncludeArchived = true }}) and use one of those."));

    private static async Task<bool> VersionExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string modelName, int version, CancellationToken cancellationToken)
        => Convert.ToInt64(await PgCommands.ScalarAsync(connection, transaction, RegistrySql.VersionExists, cancellationToken, ("model", modelName), ("version", version)).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;

    /// <summary>The key of the advisory lock that registrations share and garbage collection takes alone.</summary>
    private string BlobLockKey => "mlvalue.blobs:" + _database.Schema;
}
