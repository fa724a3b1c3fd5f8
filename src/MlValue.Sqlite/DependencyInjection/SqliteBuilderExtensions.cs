using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.DependencyInjection;
using MlValue.Diagnostics;
using MlValue.Registry;
using MlValue.Runs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts MlValue's stores on the embedded SQLite databases.</summary>
public static class SqliteBuilderExtensions
{
    /// <summary>
    /// Uses the embedded SQLite stores: the model registry's metadata in
    /// <c>&lt;Registry:RootDirectory&gt;/registry.db</c> (beside the artifact folder; this adds the
    /// registry stage if it is not there yet) as <see cref="IModelRegistry"/> and
    /// <see cref="IModelRegistryMaintenance"/>, and the run store in <see cref="RunOptions.DatabasePath"/>
    /// (default <c>&lt;MlValue:RootDirectory&gt;/runs/runs.db</c>) as <see cref="IRunStore"/>. A store
    /// registered before this call is kept; the databases are created when a store is first resolved.
    /// Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder UseSqlite(this MlValueBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModelRegistry();
        var services = builder.Services;
        services.TryAddSingleton(sp => new SqliteModelRegistry(
            sp.GetRequiredService<RegistrySettings>(),
            sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<TimeProvider>(),
            new RegistryTelemetry(sp.GetService<IMeterFactory>())));
        services.TryAddSingleton<IModelRegistry>(sp => sp.GetRequiredService<SqliteModelRegistry>());
        services.TryAddSingleton<IModelRegistryMaintenance>(sp => sp.GetRequiredService<SqliteModelRegistry>());
        services.TryAddSingleton<IRunStore>(sp =>
        {
            var path = sp.GetService<IOptions<RunOptions>>()?.Value.DatabasePath
                ?? Path.Combine(sp.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory, "runs", "runs.db");
            return new SqliteRunStore(path);
        });
        return builder;
    }
}
