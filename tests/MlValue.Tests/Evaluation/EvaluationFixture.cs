using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlValue.Evaluation;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Evaluation;

internal static partial class EvaluationFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ModelEvaluator Evaluator(Action<EvaluationOptions>? configure = null)
    {
        var options = new EvaluationOptions();
        configure?.Invoke(options);
        return new ModelEvaluator(Options.Create(options), new FakeTimeProvider(Now));
    }

    public static PromotionJudge Judge(Action<EvaluationOptions>? configure = null)
    {
        var options = new EvaluationOptions();
        configure?.Invoke(options);
        return new PromotionJudge(Options.Create(options), new FakeTimeProvider(Now));
    }

    /// <summary>The SpamAssassin fixture as a holdout, sliced by source group and by year of the Date header.</summary>
    public static Holdout<SpamMessage, bool> SpamHoldout() => new(SpamFixture.All, m => m.IsSpam)
    {
        DatasetId = "spamassassin-sample",
        ClassNames = ["ham", "spam"],
        Segments = [new Segment<SpamMessage>("group", m => m.Group), new Segment<SpamMessage>("year", m => Year().Match(m.Date) is { Success: true } y ? y.Value : null)],
        InputFormatter = m => $"{m.Subject} — {m.Body}",
    };

    /// <summary>The no-ML baseline: the prior rate of spam for every message.</summary>
    public static IPredictionModel<SpamMessage, BinaryPrediction> PriorBaseline()
    {
        var rate = (float)SpamFixture.All.Count(m => m.IsSpam) / SpamFixture.All.Count;
        return new DelegateModel<SpamMessage, BinaryPrediction>(_ => new BinaryPrediction { Score = rate, Probability = rate, PredictedLabel = rate >= 0.5f });
    }

    public static IPredictionModel<Row<bool>, BinaryPrediction> Echo()
        => new DelegateModel<Row<bool>, BinaryPrediction>(r => new BinaryPrediction { Score = r.Score, Probability = r.Probability, PredictedLabel = r.Predicted });

    public static Holdout<Row<bool>, bool> Holdout(IEnumerable<Row<bool>> rows, string? datasetId = "synthetic")
        => new(rows, r => r.Label) { DatasetId = datasetId, Segments = [new Segment<Row<bool>>("group", r => r.Group)] };

    /// <summary>Synthetic binary predictions: scores drawn with a fixed seed, positives score higher on average.</summary>
    public static List<Row<bool>> Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Row<bool>>(count);
        for (var i = 0; i < count; i++)
        {
            var label = random.NextDouble() < 0.4;
            var p = (float)Math.Clamp((label ? 0.65 : 0.35) + ((random.NextDouble() - 0.5) * 0.7), 0, 1);
            rows.Add(new Row<bool>(label, p * 4 - 2, p, p >= 0.5f, "g" + (i % 4)));
        }

        return rows;
    }

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();
}
