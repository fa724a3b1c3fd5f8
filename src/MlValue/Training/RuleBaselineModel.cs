namespace MlValue.Training;

/// <summary>A baseline that predicts with a user rule: probability 1 when the rule fires, else 0.</summary>
internal sealed class RuleBaselineModel<TInput>(BaselineRule<TInput> rule) : IPredictionModel<TInput, BinaryPrediction>
    where TInput : class
{
    public BinaryPrediction Predict(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var positive = rule.IsPositive(input);
        return new BinaryPrediction { PredictedLabel = positive, Probability = positive ? 1f : 0f, Score = positive ? 1f : -1f };
    }

    public void Dispose()
    {
    }
}
