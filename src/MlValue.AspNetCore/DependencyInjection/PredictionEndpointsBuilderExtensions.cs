using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Internal;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the HTTP routes of MlValue's predictors (ASP.NET Core).</summary>
public static class PredictionEndpointsBuilderExtensions
{
    /// <summary>
    /// Registers what <c>app.MapPredictor&lt;TIn, TOut&gt;(name)</c> needs: <see cref="PredictionEndpointOptions"/>, bound
    /// from <c>MlValue:AspNetCore</c> and validated at start-up with messages naming the setting, and the list of mapped
    /// models that the OIP readiness routes and the health check read. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddPredictionEndpoints(this MlValueBuilder builder, Action<PredictionEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<MappedModels>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.ConfigureOptions<PredictionEndpointOptions, PredictionEndpointOptionsValidator>("AspNetCore", configure);
    }
}
