namespace MlValue.Evaluation;

/// <summary>One of the holdout rows with the highest loss, with its rendered input.</summary>
public sealed class WorstError
{
    /// <summary>1 for the highest loss.</summary>
    public required int Rank { get; init; }

    /// <summary>The zero-based position of the row in the holdout.</summary>
    public required int Row { get; init; }

    /// <summary>The loss of the row: log-loss for classifiers, absolute error for regression.</summary>
    public required double Loss { get; init; }

    /// <summary>The true label, as text.</summary>
    public required string Label { get; init; }

    /// <summary>The prediction, as text (class and probability, or value).</summary>
    public required string Prediction { get; init; }

    /// <summary>The input rendered by <see cref="Holdout{TInput, TLabel}.InputFormatter"/>, truncated
    /// to <c>EvaluationOptions.MaxInputLength</c> characters (an ellipsis marks the cut).</summary>
    public required string Input { get; init; }
}
