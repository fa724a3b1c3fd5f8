using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Evaluation;

/// <summary>A deterministic stand-in for a trained spam filter: counts keywords (each at most 3 times).</summary>
internal sealed class KeywordSpamModel(double bias, params string[] keywords) : IPredictionModel<SpamMessage, BinaryPrediction>
{
    public static readonly string[] V1Keywords = [" free ", "click here", "money", "offer", "remove"];

    /// <summary>The champion: five keywords.</summary>
    public static KeywordSpamModel V1 => new(1.5, V1Keywords);

    /// <summary>A better challenger: three more keywords, no slice worse.</summary>
    public static KeywordSpamModel V2 => new(1.5, [.. V1Keywords, "guarantee", "income", "mortgage"]);

    /// <summary>Better overall than V1, but flags more hard ham as spam.</summary>
    public static KeywordSpamModel V3 => new(2.5, [.. V1Keywords, "guarantee", "income", "mortgage", "price", "click"]);

    public BinaryPrediction Predict(SpamMessage input)
    {
        var text = (input.Subject + " " + input.Body).ToLowerInvariant();
        var score = keywords.Sum(k => Math.Min(Count(text, k), 3));
        return new BinaryPrediction
        {
            Score = score,
            Probability = (float)(1 / (1 + Math.Exp(-(score - bias)))),
            PredictedLabel = score >= bias,
        };
    }

    public void Dispose()
    {
    }

    private static int Count(string text, string keyword)
    {
        var count = 0;
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
