namespace MlValue.Evaluation;

/// <summary>Counts of true class (rows) against predicted class (columns).</summary>
public sealed class ConfusionMatrix
{
    /// <summary>The class names, in row and column order.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary><c>Counts[t][p]</c>: rows whose true class is <c>Classes[t]</c> and predicted class <c>Classes[p]</c>.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Counts { get; init; }
}
