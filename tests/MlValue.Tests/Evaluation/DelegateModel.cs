using MlValue.Training;

namespace MlValue.Tests.Evaluation;

/// <summary>A model whose prediction is a function of the input, for synthetic data.</summary>
internal sealed class DelegateModel<TInput, TOutput>(Func<TInput, TOutput> predict) : IPredictionModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    public TOutput Predict(TInput input) => predict(input);

    public void Dispose()
    {
    }
}

/// <summary>A synthetic labelled row: a label and what the model should answer for it.</summary>
internal sealed record Row<TLabel>(TLabel Label, float Score, float Probability, bool Predicted, string Group = "a");
