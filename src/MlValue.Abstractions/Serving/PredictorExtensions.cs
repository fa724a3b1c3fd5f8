namespace MlValue.Serving;

/// <summary>Convenience calls on <see cref="IPredictor{TInput,TOutput}"/>, kept off the seam so it stays small.</summary>
public static class PredictorExtensions
{
    /// <summary>Predicts with the primary arm (and the shadow arm beside it, when configured), with no routing key or correlation id.</summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="predictor">The predictor.</param>
    /// <param name="input">The input record.</param>
    /// <returns>The prediction with the version that answered.</returns>
    /// <exception cref="PredictorNotReadyException">No version of the primary alias has been loaded yet.</exception>
    public static Prediction<TOutput> Predict<TInput, TOutput>(this IPredictor<TInput, TOutput> predictor, TInput input)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return predictor.Predict(input, default);
    }
}
