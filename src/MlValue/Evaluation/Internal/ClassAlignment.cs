namespace MlValue.Evaluation.Internal;

/// <summary>
/// Maps a model's classes onto the holdout's by name. The holdout's classes are the truth: a
/// holdout class the model does not know gets probability 0 (it is never predicted, so its recall
/// is 0), and a model class the holdout lacks keeps its score out of every metric.
/// </summary>
internal sealed class ClassAlignment
{
    private readonly int[] _scoreOf;

    private ClassAlignment(IReadOnlyList<string> modelClasses, int[] scoreOf, IReadOnlyList<string> missing)
    {
        ModelClasses = modelClasses;
        _scoreOf = scoreOf;
        Missing = missing;
    }

    public IReadOnlyList<string> ModelClasses { get; }

    public IReadOnlyList<string> Missing { get; }

    public static ClassAlignment Create(string modelName, IReadOnlyList<string> holdoutClasses, IReadOnlyList<string> modelClasses)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < modelClasses.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(modelClasses[i]) || !position.TryAdd(modelClasses[i], i))
            {
                throw new EvaluationException(
                    $"Model '{modelName}' names its classes [{string.Join(", ", modelClasses)}], in which '{modelClasses[i]}' is blank or appears twice; name each class once, in the order of MulticlassPrediction.Score.");
            }
        }

        if (modelClasses.Count == 0)
        {
            throw new EvaluationException($"Model '{modelName}' names no classes; give WithClassNames the model's classes in the order of MulticlassPrediction.Score.");
        }

        var scoreOf = holdoutClasses.Select(c => position.GetValueOrDefault(c, -1)).ToArray();
        var missing = holdoutClasses.Where((_, i) => scoreOf[i] < 0).ToArray();
        return new ClassAlignment(modelClasses, scoreOf, missing);
    }

    /// <summary>The probability the model gives to holdout class <paramref name="holdoutClass"/>: 0 when it does not know it.</summary>
    public float Probability(float[] scores, int holdoutClass) => _scoreOf[holdoutClass] is var s and >= 0 ? scores[s] : 0f;
}
