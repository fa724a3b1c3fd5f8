namespace MlValue.Training;

/// <summary>A loaded model that predicts. Implementations are thread-safe.</summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public interface IPredictionModel<in TInput, TOutput> : IDisposable
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>Predicts one record. Safe to call from many threads at once.</summary>
    /// <param name="input">The input record.</param>
    /// <returns>The prediction.</returns>
    TOutput Predict(TInput input);
}
