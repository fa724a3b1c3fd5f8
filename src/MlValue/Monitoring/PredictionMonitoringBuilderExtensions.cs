using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects a predictor to its monitor.</summary>
public static class PredictionMonitoringBuilderExtensions
{
    private const string Supported = "BinaryPrediction, MulticlassPrediction or RegressionPrediction";

    /// <summary>
    /// Registers a <see cref="MonitoringPredictionObserver{TIn}"/> keyed by <paramref name="modelName"/>, so the
    /// predictor of that model records each primary-arm prediction into the registered <see cref="IModelMonitor{T}"/>
    /// (add it with <c>AddModelMonitor</c>): a <see cref="BinaryPrediction"/>, <see cref="MulticlassPrediction"/> or
    /// <see cref="RegressionPrediction"/>, into a monitor whose schema has the matching <see cref="PredictionTask"/>.
    /// A predictor of this model with another output or input type, or a monitor of another kind, fails with a
    /// <see cref="MonitoringException"/> when the predictor is created (or here, when it is already registered).
    /// Register it before the predictor is first resolved; calling it twice is harmless.
    /// </summary>
    /// <typeparam name="TIn">The model input.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="modelName">The served model's name (the key of its predictor).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MonitoringException">A predictor of <paramref name="modelName"/> with an output type the monitor does not know is already registered.</exception>
    public static MlValueBuilder AddPredictionMonitoring<TIn>(this MlValueBuilder builder, string modelName)
        where TIn : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        var services = builder.Services;
        foreach (var served in services.Where(d => d.IsKeyedService && Equals(d.ServiceKey, modelName) && d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IPredictor<,>)).ToList())
        {
            if (Check<TIn>(modelName, served.ServiceType.GetGenericArguments()[0], served.ServiceType.GetGenericArguments()[1]) is { } error)
            {
                throw error;
            }
        }

        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(MonitoringPredictionObserver<TIn>) && Equals(d.ServiceKey, modelName)))
        {
            return builder;
        }

        services.AddSingleton(new PredictorRequirement(modelName, (input, output) => Check<TIn>(modelName, input, output)));
        services.AddKeyedSingleton(modelName, (provider, _) => Observer<TIn>(provider, modelName));
        Observe<TIn, BinaryPrediction>(services, modelName, PredictionTask.BinaryClassification);
        Observe<TIn, MulticlassPrediction>(services, modelName, PredictionTask.MulticlassClassification);
        Observe<TIn, RegressionPrediction>(services, modelName, PredictionTask.Regression);
        return builder;
    }

    /// <summary>The observer of <paramref name="modelName"/>: into the monitor bound to it (which follows the served reference), else the monitor of that name, else the only one.</summary>
    private static MonitoringPredictionObserver<TIn> Observer<TIn>(IServiceProvider provider, string modelName)
        where TIn : class
        => provider.GetServices<MonitorBinding>().LastOrDefault(b => b.ModelName == modelName && b.Input == typeof(TIn)) is { } binding
            ? new MonitoringPredictionObserver<TIn>(provider.GetRequiredKeyedService<IModelMonitor<TIn>>(binding.MonitorName), provider.GetService<IModelRegistry>() ?? throw NoRegistry(modelName, binding.MonitorName), modelName)
            : new MonitoringPredictionObserver<TIn>(provider.GetKeyedService<IModelMonitor<TIn>>(modelName) ?? provider.GetRequiredService<IModelMonitor<TIn>>());

    private static MonitoringException NoRegistry(string modelName, string monitorName)
        => new($"Monitor '{monitorName}' follows the reference of the served versions of model '{modelName}', which needs an IModelRegistry, and none is registered. Add the registry stage (for example UseSqlite().AddModelRegistry()) or register your own IModelRegistry.");

    private static void Observe<TIn, TOut>(IServiceCollection services, string modelName, PredictionTask kind)
        where TIn : class
        where TOut : class, new()
        => services.TryAddKeyedSingleton<IPredictionObserver<TIn, TOut>>(modelName, (provider, _) =>
        {
            var observer = provider.GetRequiredKeyedService<MonitoringPredictionObserver<TIn>>(modelName);
            if (observer.Monitor is ModelMonitor<TIn> monitor && monitor.Prediction != kind)
            {
                throw new MonitoringException($"Model '{modelName}' serves {typeof(TOut).Name} but its monitor '{monitor.Name}' watches {monitor.Prediction} predictions. Declare the monitor's schema as new MonitorSchema<{typeof(TIn).Name}>(PredictionTask.{kind}).");
            }

            return (IPredictionObserver<TIn, TOut>)(object)observer;
        });

    private static MonitoringException? Check<TIn>(string modelName, Type input, Type output)
        => output != typeof(BinaryPrediction) && output != typeof(MulticlassPrediction) && output != typeof(RegressionPrediction)
            ? new MonitoringException($"Prediction monitoring of model '{modelName}' cannot record outputs of type {output.Name}: the monitor records {Supported}. Serve one of these output types, or leave out AddPredictionMonitoring and call IModelMonitor<{input.Name}>.Record yourself.")
            : input != typeof(TIn)
                ? new MonitoringException($"Prediction monitoring of model '{modelName}' was added for inputs of type {typeof(TIn).Name}, but its predictor takes {input.Name}. Call AddPredictionMonitoring<{input.Name}>(\"{modelName}\") with a monitor of {input.Name}.")
                : null;
}
