using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Training;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects a predictor to its monitor.</summary>
public static class PredictionMonitoringBuilderExtensions
{
    /// <summary>
    /// Registers a <see cref="MonitoringPredictionObserver{TIn}"/> keyed by <paramref name="modelName"/>, so the
    /// predictor of that model records each primary-arm prediction into the registered <see cref="IModelMonitor{T}"/>
    /// (add it with <c>AddModelMonitor</c>). Register it before the predictor is first resolved; calling it twice is harmless.
    /// </summary>
    /// <typeparam name="TIn">The model input.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="modelName">The served model's name (the key of its predictor).</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddPredictionMonitoring<TIn>(this MlValueBuilder builder, string modelName)
        where TIn : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        builder.Services.TryAddKeyedSingleton<IPredictionObserver<TIn, BinaryPrediction>>(
            modelName,
            (provider, _) => new MonitoringPredictionObserver<TIn>(provider.GetKeyedService<IModelMonitor<TIn>>(modelName) ?? provider.GetRequiredService<IModelMonitor<TIn>>()));
        return builder;
    }
}
