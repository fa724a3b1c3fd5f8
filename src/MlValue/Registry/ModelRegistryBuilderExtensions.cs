using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.DependencyInjection;
using MlValue.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the model registry stage to MlValue.</summary>
public static class ModelRegistryBuilderExtensions
{
    /// <summary>
    /// Adds the registry stage: its options (bound from <c>MlValue:Registry</c>, validated at start-up)
    /// and the content-addressed artifact folder under <see cref="ModelRegistryOptions.RootDirectory"/>
    /// (default <c>&lt;MlValue:RootDirectory&gt;/registry</c>) as <see cref="IArtifactStore"/>. The
    /// metadata store that provides <see cref="IModelRegistry"/> and <see cref="IModelRegistryMaintenance"/>
    /// comes from a store package: <c>UseSqlite()</c> (MlValue.Sqlite, brought by MlValue.Core) for
    /// the embedded one. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddModelRegistry(this MlValueBuilder builder, Action<ModelRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<ModelRegistryOptions, ModelRegistryOptionsValidator>("Registry", configure);
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRegistryOptions>, RegistryStoreCheck>());
        services.TryAddSingleton(Settings);
        services.TryAddSingleton<IArtifactStore>(sp => new FileArtifactStore(sp.GetRequiredService<RegistrySettings>().ArtifactDirectory));
        return builder;
    }

    private static RegistrySettings Settings(IServiceProvider services)
        => RegistrySettings.Resolve(
            services.GetRequiredService<IOptions<ModelRegistryOptions>>().Value,
            services.GetRequiredService<IOptions<MlValueOptions>>().Value);
}
