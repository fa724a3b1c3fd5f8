using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using MlValue.Diagnostics;

namespace MlValue.Registry;

/// <summary>
/// The default <see cref="IModelRegistry"/>: SQLite metadata (WAL, <c>BEGIN IMMEDIATE</c> write
/// transactions) beside an <see cref="IArtifactStore"/>. Blobs are written and verified before the
/// one transaction that makes a version visible, so a crash never leaves a version without its artifact.
/// </summary>
internal sealed partial class SqliteModelRegistry : IModelRegistry, IModelRegistryMaintenance
{
    private readonly RegistrySettings _settings;
    private readonly IArtifactStore _store;
    private readonly TimeProvider _time;
    private readonly RegistryDatabase _database;
    private readonly RegistryTelemetry _telemetry;

    // telemetry: records the registry's instruments; null for a recorder on MlValue's shared meter.
    public SqliteModelRegistry(RegistrySettings settings, IArtifactStore store, TimeProvider timeProvider, RegistryTelemetry? telemetry = null)
    {
        _settings = settings;
        _store = store;
        _time = timeProvider;
        _telemetry = telemetry ?? new RegistryTelemetry();
        _database = new RegistryDatabase(settings, async token => (await store.ListAsync(token).ConfigureAwait(false)).Count);
    }

    internal RegistryDatabase Database => _database;

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

    /// <summary>Reads one version; <paramref name="operation"/> (the public caller) is named in store errors.</summary>
    private Task<ModelVersion?> FindVersionAsync(string modelName, int version, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        RegistryNames.ModelName(modelName);
        return _database.ReadAsync(
            async (connection, token) => (await VersionRows.ReadAllAsync(connection, null, RegistrySql.SelectVersion, token, ("$model", modelName), ("$version", version)).ConfigureAwait(false)).SingleOrDefault(),
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

        return await _database.ReadAsync<IReadOnlyList<ModelVersion>>(
            async (connection, token) => await VersionRows.ReadAllAsync(
                connection,
                null,
                RegistrySql.Search,
                token,
                ("$model", query.ModelName),
                ("$archived", query.IncludeArchived ? 1 : 0),
                ("$tagKey", query.TagKey),
                ("$tagValue", query.TagValue),
                ("$alias", query.Alias),
                ("$metric", query.MetricName),
                ("$minMetric", query.MinMetricValue)).ConfigureAwait(false),
            cancellationToken,
            operation).ConfigureAwait(false);
    }

    private static ModelRegistryException NoSuchVersion(string modelName, int version)
        => new(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' has no version {version}. List its versions with SearchAsync(new ModelQuery {{ ModelName = \"{modelName}\", IncludeArchived = true }}) and use one of those."));

    private static async Task<bool> VersionExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string modelName, int version, CancellationToken cancellationToken)
        => Convert.ToInt64(await RegistryCommands.ScalarAsync(connection, transaction, RegistrySql.VersionExists, cancellationToken, ("$model", modelName), ("$version", version)).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
}
