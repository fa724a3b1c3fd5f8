using MlValue.Training;

namespace MlValue.Serving;

/// <summary>The built-in comparison of primary and shadow outputs, by prediction type.</summary>
internal sealed class DefaultPredictionComparer<TOutput> : IPredictionComparer<TOutput>
    where TOutput : class
{
    public static readonly DefaultPredictionComparer<TOutput> Instance = new();

    public bool Disagree(TOutput primary, TOutput shadow, double tolerance) => (primary, shadow) switch
    {
        (BinaryPrediction a, BinaryPrediction b) => a.PredictedLabel != b.PredictedLabel || Math.Abs(a.Probability - b.Probability) > tolerance,
        (RegressionPrediction a, RegressionPrediction b) => Math.Abs(a.Score - b.Score) > tolerance,
        (MulticlassPrediction a, MulticlassPrediction b) => !string.Equals(a.PredictedLabel, b.PredictedLabel, StringComparison.Ordinal) || ScoresDiffer(a.Score, b.Score, tolerance),
        _ => !EqualityComparer<TOutput>.Default.Equals(primary, shadow),
    };

    private static bool ScoresDiffer(float[] a, float[] b, double tolerance)
    {
        if (a.Length != b.Length)
        {
            return true;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] - b[i]) > tolerance)
            {
                return true;
            }
        }

        return false;
    }
}
