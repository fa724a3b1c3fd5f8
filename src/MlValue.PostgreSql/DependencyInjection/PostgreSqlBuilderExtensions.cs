using MlValue.Diagnostics;
using MlValue.State;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.Data;
using MlValue.DependencyInjection;
using MlValue.Internal;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Runs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts MlValue's stores on PostgreSQL.</summary>
public static class PostgreSqlBuilderExtensions
{
    /// <summary>
    /// Uses the PostgreSQL stores on <paramref name="connectionString"/> (an Npgsql connection string; the database
    /// must exist). See <see cref="UsePostgreSql(MlValueBuilder, Action{PostgreSqlOptions})"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="connectionString">The Npgsql connection string, for example <c>Host=127.0.0.1;Port=5432;Username=mlvalue;Password=…;Database=mlvalue</c>.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder UsePostgreSql(this MlValueBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSql(o => o.ConnectionString = connectionString);
    }

    /// <summary>
    /// Uses the PostgreSQL stores with the options bound from <c>MlValue:PostgreSql</c> (its <c>ConnectionString</c>
    /// and optional <c>Schema</c>) when the builder was given configuration.
    /// See <see cref="UsePostgreSql(MlValueBuilder, Action{PostgreSqlOptions})"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder UsePostgreSql(this MlValueBuilder builder)
        => builder.UsePostgreSql(static _ => { });

    /// <summary>
    /// Uses the PostgreSQL stores: the model registry (metadata and artifacts in the database; this adds the registry
    /// stage if it is not there yet) as <see cref="IModelRegistry"/> and <see cref="IModelRegistryMaintenance"/>, its
    /// blob tables as <see cref="IArtifactStore"/>, the run store as <see cref="IRunStore"/>, the checkpoint store as
    /// <see cref="ICheckpointStore"/>, the dataset store as <see cref="IDatasetStore"/>, the shared monitor buckets as <see cref="IMonitorBucketStore"/> (so the monitors of
    /// every replica merge each other's buckets into their windows) and the state store as <see cref="IStateStore"/> (where
    /// <c>AddAnnotation()</c> keeps its queue, so many processes share it). Options bind from <c>MlValue:PostgreSql</c>, then <paramref name="configure"/>
    /// applies; they are validated at start-up, which also opens one connection (see
    /// <see cref="PostgreSqlOptions.CheckConnectionOnStart"/>). The schema is created and migrated on first use. A
    /// registry, run store or monitor bucket store registered before this call is kept, and so is an artifact, checkpoint or dataset store registered by
    /// the application; MlValue's own file defaults are replaced. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Changes applied to the options after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder UsePostgreSql(this MlValueBuilder builder, Action<PostgreSqlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.ConfigureOptions<PostgreSqlOptions, PostgreSqlOptionsValidator>("PostgreSql", configure);
        builder.AddModelRegistry();
        var services = builder.Services;
        services.TryAddSingleton(sp => new PgDatabase(sp.GetRequiredService<IOptions<PostgreSqlOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PostgreSqlModelRegistry(
            sp.GetRequiredService<PgDatabase>(),
            sp.GetRequiredService<RegistrySettings>(),
            sp.GetRequiredService<TimeProvider>(),
            new RegistryTelemetry(sp.GetService<IMeterFactory>())));
        services.TryAddSingleton<IModelRegistry>(sp => sp.GetRequiredService<PostgreSqlModelRegistry>());
        services.TryAddSingleton<IModelRegistryMaintenance>(sp => sp.GetRequiredService<PostgreSqlModelRegistry>());
        services.TryAddSingleton<IRunStore>(sp => new PostgreSqlRunStore(sp.GetRequiredService<PgDatabase>(), ownsDatabase: false));
        ReplaceDefault<IArtifactStore>(services, sp => new PostgreSqlArtifactStore(sp.GetRequiredService<PgDatabase>()));
        ReplaceDefault<ICheckpointStore>(services, sp => new PostgreSqlCheckpointStore(sp.GetRequiredService<PgDatabase>(), ownsDatabase: false));
        ReplaceDefault<IDatasetStore>(services, sp => new PostgreSqlDatasetStore(sp.GetRequiredService<PgDatabase>(), ownsDatabase: false));
        services.TryAddSingleton<IStateStore>(sp => new PostgreSqlStateStore(sp.GetRequiredService<PgDatabase>(), ownsDatabase: false));
        services.TryAddSingleton<IMonitorBucketStore>(sp => new PostgreSqlMonitorBucketStore(sp.GetRequiredService<PgDatabase>(), ownsDatabase: false));
        return builder;
    }

    /// <summary>Registers <paramref name="factory"/> unless the application registered its own service: one that MlValue registered as its default gives way.</summary>
    private static void ReplaceDefault<TService>(IServiceCollection services, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);
        if (existing is not null && !IsMlValueDefault(existing))
        {
            return;
        }

        services.RemoveAll<TService>();
        services.AddSingleton(factory);
    }

    private static bool IsMlValueDefault(ServiceDescriptor descriptor)
        => descriptor.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(FileCheckpointStore).Assembly;
}
