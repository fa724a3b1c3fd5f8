using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one entry point of MlValue into <see cref="IServiceCollection"/>.</summary>
public static class MlValueServiceCollectionExtensions
{
    /// <summary>Adds MlValue with its defaults. Calling it again is harmless.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder on which each stage of the loop is configured or replaced.</returns>
    public static MlValueBuilder AddMlValue(this IServiceCollection services)
        => services.AddMlValue(configuration: null, configure: null);

    /// <summary>Adds MlValue and changes its general options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes applied to <see cref="MlValueOptions"/>.</param>
    /// <returns>A builder on which each stage of the loop is configured or replaced.</returns>
    public static MlValueBuilder AddMlValue(this IServiceCollection services, Action<MlValueOptions> configure)
        => services.AddMlValue(configuration: null, configure);

    /// <summary>
    /// Adds MlValue with options bound from <paramref name="configuration"/> (the <c>MlValue</c>
    /// section of appsettings.json, for example) and validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>MlValue</c> configuration section.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>A builder on which each stage of the loop is configured or replaced.</returns>
    public static MlValueBuilder AddMlValue(this IServiceCollection services, IConfiguration? configuration, Action<MlValueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (MlValueMarker.Find(services) is null)
        {
            services.AddSingleton(new MlValueMarker());
        }

        services.TryAddSingleton(TimeProvider.System);
        var builder = new MlValueBuilder(services, configuration);
        builder.ConfigureOptions<MlValueOptions, MlValueOptionsValidator>(string.Empty, configure);
        return builder;
    }
}
