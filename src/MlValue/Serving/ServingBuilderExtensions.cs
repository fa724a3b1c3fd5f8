using MlValue.Training;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlValue.DependencyInjection;
using MlValue.Diagnostics;
using MlValue.Registry;
using MlValue.Serving;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds predictors (the serving stage) to MlValue.</summary>
public static class ServingBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="modelName"/> through <paramref name="alias"/>: registers a singleton
    /// <see cref="IPredictor{TInput, TOutput}"/> keyed by the model name (also reachable through
    /// <see cref="IPredictorFactory"/>), with <see cref="ServingOptions"/> named by the model name,
    /// bound from <c>MlValue:Serving:&lt;modelName&gt;</c> and validated at start-up. The alias given here
    /// is the default; configuration, then <paramref name="configure"/>, may change it. Needs an
    /// <see cref="IModelRegistry"/> and the <c>IModelFormat</c>s of the served artifacts in DI.
    /// Calling it again for the same model and types only applies <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The prediction type.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="modelName">The registered model name.</param>
    /// <param name="alias">The primary alias. Default: <c>champion</c>.</param>
    /// <param name="configure">Optional changes applied after binding (shadow, canary, polling).</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddPredictor<TInput, TOutput>(this MlValueBuilder builder, string modelName, string alias = "champion", Action<ServingOptions>? configure = null)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var services = builder.Services;
        var options = services.AddOptions<ServingOptions>(modelName);
        var registered = services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IPredictor<TInput, TOutput>) && Equals(d.ServiceKey, modelName));
        if (!registered)
        {
            options.Configure(o => o.Alias = alias);
            if (builder.Configuration is not null)
            {
                options.Bind(builder.Configuration.GetSection("Serving").GetSection(modelName));
            }

            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServingOptions>, ServingOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IPredictorFactory, PredictorFactory>();
            services.TryAddSingleton<ModelFormatRegistry>();
            services.TryAddSingleton<ModelFormatResolver>();
            services.AddKeyedSingleton<IPredictor<TInput, TOutput>>(modelName, (provider, _) => Create<TInput, TOutput>(provider, modelName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    private static Predictor<TInput, TOutput> Create<TInput, TOutput>(IServiceProvider provider, string modelName)
        where TInput : class
        where TOutput : class, new()
    {
        foreach (var requirement in provider.GetServices<PredictorRequirement>())
        {
            if (requirement.ModelName == modelName && requirement.Check(typeof(TInput), typeof(TOutput)) is { } error)
            {
                throw error;
            }
        }

        var options = provider.GetRequiredService<IOptionsMonitor<ServingOptions>>().Get(modelName);
        var registry = provider.GetService<IModelRegistry>() ?? throw new ServingException(
            $"The predictor for model '{modelName}' needs an IModelRegistry, and none is registered. Add the registry stage to MlValue (or register your own IModelRegistry) before resolving predictors.");
        List<IPredictionObserver<TInput, TOutput>> observers =
            [.. provider.GetServices<IPredictionObserver<TInput, TOutput>>(), .. provider.GetKeyedServices<IPredictionObserver<TInput, TOutput>>(modelName)];
        var comparer = provider.GetKeyedService<IPredictionComparer<TOutput>>(modelName)
            ?? provider.GetService<IPredictionComparer<TOutput>>()
            ?? DefaultPredictionComparer<TOutput>.Instance;
        var logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("MlValue.Serving.Predictor");
        return new Predictor<TInput, TOutput>(
            modelName, options, registry, provider.GetRequiredService<ModelFormatResolver>(), provider.GetRequiredService<TimeProvider>(), logger, observers, comparer,
            MlValueMeter.For(provider.GetService<IMeterFactory>()));
    }
}
