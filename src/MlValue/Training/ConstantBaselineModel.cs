namespace MlValue.Training;

/// <summary>A baseline that predicts the same value for every input (majority class or mean).</summary>
internal sealed class ConstantBaselineModel<TInput, TOutput>(Func<TOutput> create) : IPredictionModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    public TOutput Predict(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return create();
    }

    public void Dispose()
    {
    }
}
