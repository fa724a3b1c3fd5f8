namespace MlValue.Serving;

/// <summary>Finds the predictor registered for a model name (several models are served side by side).</summary>
public interface IPredictorFactory
{
    /// <summary>Gets the predictor registered with <c>AddPredictor&lt;TInput, TOutput&gt;(modelName)</c>.</summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The prediction type.</typeparam>
    /// <param name="modelName">The model name.</param>
    /// <returns>The predictor, a singleton per model name.</returns>
    /// <exception cref="ServingException">No predictor of these types is registered for the model.</exception>
    IPredictor<TInput, TOutput> GetPredictor<TInput, TOutput>(string modelName)
        where TInput : class
        where TOutput : class, new();
}
