using Microsoft.Extensions.DependencyInjection;

namespace MlValue.Serving;

/// <summary>Resolves the predictor keyed by model name.</summary>
internal sealed class PredictorFactory(IServiceProvider services) : IPredictorFactory
{
    public IPredictor<TInput, TOutput> GetPredictor<TInput, TOutput>(string modelName)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        return services.GetKeyedService<IPredictor<TInput, TOutput>>(modelName)
            ?? throw new ServingException(
                $"No predictor of <{typeof(TInput).Name}, {typeof(TOutput).Name}> is registered for model '{modelName}'. " +
                $"Call builder.AddPredictor<{typeof(TInput).Name}, {typeof(TOutput).Name}>(\"{modelName}\") at start-up, with the same input and output types.");
    }
}
