using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlValue.AspNetCore.Health;
using MlValue.AspNetCore.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MlValue's serving health check.</summary>
public static class MlValueHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of the predictors mapped with <c>MapPredictor</c>: healthy when each serves a loaded version of its
    /// primary alias; <paramref name="failureStatus"/> (default unhealthy), with each model and the reason, when one does
    /// not; degraded when a model's monitor reports drift in its latest complete window of
    /// <c>MlValue:AspNetCore:DriftWindow</c>, naming the features. The data holds the served version per model.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default: <c>mlvalue</c>.</param>
    /// <param name="failureStatus">The status reported while a model has no loaded version. Default: unhealthy.</param>
    /// <param name="tags">Tags to filter the check by (for example in <c>MapHealthChecks</c>). Default: <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddMlValueHealthChecks(this IHealthChecksBuilder builder, string name = "mlvalue", HealthStatus failureStatus = HealthStatus.Unhealthy, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddSingleton<MappedModels>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.AddCheck<MlValueHealthCheck>(name, failureStatus, tags ?? ["ready"]);
    }
}
