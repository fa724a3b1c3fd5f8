using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.DependencyInjection;
using MlValue.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the embedded model registry to MlValue.</summary>
public static class ModelRegistryBuilderExtensions
{
    /// <summary>
    /// Adds the default registry: SQLite metadata and a content-addressed artifact folder under
    /// <see cref="ModelRegistryOptions.RootDirectory"/> (default <c>&lt;MlValue:RootDirectory&gt;/registry</c>).
    /// Registers <see cref="IModelRegistry"/>, <see cref="IModelRegistryMaintenance"/> (the same instance)
    /// and <see cref="IArtifactStore"/>; options bind from <c>MlValue:Registry</c> and are validated at start-up.
    /// Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddModelRegistry(this MlValueBuilder builder, Action<ModelRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<ModelRegistryOptions, ModelRegistryOptionsValidator>("Registry", configure);
        var services = builder.Services;
        services.TryAddSingleton(Settings);
        services.TryAddSingleton<IArtifactStore>(sp => new FileArtifactStore(sp.GetRequiredService<RegistrySettings>().ArtifactDirectory));
        services.TryAddSingleton(sp => new SqliteModelRegistry(
            sp.GetRequiredService<RegistrySettings>(),
            sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IModelRegistry>(sp => sp.GetRequiredService<SqliteModelRegistry>());
        services.TryAddSingleton<IModelRegistryMaintenance>(sp => sp.GetRequiredService<SqliteModelRegistry>());
        return builder;
    }

    private static RegistrySettings Settings(IServiceProvider services)
        => RegistrySettings.Resolve(
            services.GetRequiredService<IOptions<ModelRegistryOptions>>().Value,
            services.GetRequiredService<IOptions<MlValueOptions>>().Value);
}
