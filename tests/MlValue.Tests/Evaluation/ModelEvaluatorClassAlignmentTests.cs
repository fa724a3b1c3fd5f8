using MlValue.Evaluation;
using MlValue.Training;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

/// <summary>A champion trained on data that lacked the rare class and a challenger that knows it, on one holdout.</summary>
[TestClass]
public sealed class ModelEvaluatorClassAlignmentTests
{
    internal static readonly string[] HoldoutClasses = ["clear", "rain", "snow"];

    [TestMethod]
    public async Task EvaluateMulticlass_ModelsWithDifferentClassSets_AlignedByHoldoutClassNames()
    {
        var evaluator = Evaluator();
        var holdout = new Holdout<Day, string>(Days(), d => d.Weather) { ClassNames = HoldoutClasses, DatasetId = "weather-holdout" };

        var champion = await evaluator.EvaluateMulticlassAsync("without snow", ChampionWithoutSnow(), holdout);
        var challenger = await evaluator.EvaluateMulticlassAsync("with snow", ChallengerWithSnow(), holdout);
        var decision = EvaluationFixture.Judge().Decide(challenger, champion, baseline: null, new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.MacroF1, MinAbsoluteImprovement = 0.1 } }, RequireBaseline = false });

        CollectionAssert.AreEqual(new[] { "snow" }, champion.ClassesUnknownToModel.ToArray());
        var snow = champion.ClassMetrics.Single(c => c.ClassName == "snow");
        Assert.AreEqual(0.0, snow.Recall.Value);
        Assert.AreEqual(0.0, snow.F1.Value);
        Assert.AreEqual((1 + 0.75 + 0) / 3, champion.Metric(MetricNames.MacroF1)!.Value!.Value, 1e-12);
        Assert.AreEqual(1.0, challenger.Metric(MetricNames.MacroF1)!.Value!.Value, 1e-12);
        Assert.AreEqual(-Math.Log(0.8), challenger.Metric(MetricNames.LogLoss)!.Value!.Value, 1e-6);
        CollectionAssert.AreEqual(champion.ConfusionMatrix!.Classes.ToArray(), challenger.ConfusionMatrix!.Classes.ToArray());
        Assert.IsTrue(decision.Promote, decision.Reason);
    }

    [TestMethod]
    public async Task EvaluateMulticlass_ModelPredictsClassTheHoldoutLacks_ThrowsSayingAddTheClass()
    {
        var holdout = new Holdout<Day, string>(Days(), d => d.Weather) { ClassNames = ["clear", "rain"] };

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("with snow", ChallengerWithSnow(), holdout));

        Assert.AreEqual("Model 'with snow' on holdout row 6: the row has label 'snow', which is not one of the holdout's ClassNames [clear, rain]; add the class (a class may have no rows) or fix the record.", error.Message);
    }

    [TestMethod]
    public async Task Decide_EvaluatedAgainstDifferentClassNames_ThrowsNamingBothLists()
    {
        var evaluator = Evaluator();
        var champion = await evaluator.EvaluateMulticlassAsync("without snow", ChampionWithoutSnow(), new Holdout<Day, string>(Days(), d => d.Weather) { ClassNames = HoldoutClasses });
        var challenger = await evaluator.EvaluateMulticlassAsync("with snow", ChallengerWithSnow(), new Holdout<Day, string>(Days(), d => d.Weather) { ClassNames = ["clear", "rain", "snow", "hail"] });

        var error = Assert.ThrowsExactly<EvaluationException>(() => EvaluationFixture.Judge().Decide(challenger, champion, null, null));

        StringAssert.Contains(error.Message, "against the classes [clear, rain, snow] but the challenger 'with snow' against [clear, rain, snow, hail]");
    }

    [TestMethod]
    public async Task EvaluateMulticlass_ModelNamesAClassTwice_ThrowsSayingNameEachOnce()
    {
        var model = new DelegateModel<Day, MulticlassPrediction>(_ => new MulticlassPrediction { PredictedLabel = "rain", Score = [0.5f, 0.5f] }).WithClassNames(["rain", "rain"]);

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("m", model, new Holdout<Day, string>(Days(), d => d.Weather) { ClassNames = HoldoutClasses }));

        StringAssert.Contains(error.Message, "name each class once");
    }

    internal static Day[] Days() =>
    [
        new(20, 0.2f, "clear"), new(22, 0.3f, "clear"), new(18, 0.5f, "clear"),
        new(15, 0.8f, "rain"), new(12, 0.9f, "rain"), new(10, 0.7f, "rain"),
        new(-2, 0.8f, "snow"), new(-5, 0.9f, "snow"),
    ];

    internal static IPredictionModel<Day, MulticlassPrediction> ChampionWithoutSnow() => ChampionScores().WithClassNames(["clear", "rain"]);

    internal static IPredictionModel<Day, MulticlassPrediction> ChallengerWithSnow() => ChallengerScores().WithClassNames(["rain", "snow", "clear"]);

    /// <summary>Trained before the first snow: scores clear and rain only, in that order.</summary>
    internal static IPredictionModel<Day, MulticlassPrediction> ChampionScores()
        => new DelegateModel<Day, MulticlassPrediction>(d => d.Humidity > 0.6f
            ? new MulticlassPrediction { PredictedLabel = "rain", Score = [0.2f, 0.8f] }
            : new MulticlassPrediction { PredictedLabel = "clear", Score = [0.9f, 0.1f] });

    /// <summary>Knows all three classes, scored in its own order (rain, snow, clear).</summary>
    internal static IPredictionModel<Day, MulticlassPrediction> ChallengerScores()
        => new DelegateModel<Day, MulticlassPrediction>(d => d.Temperature < 0
            ? new MulticlassPrediction { PredictedLabel = "snow", Score = [0.1f, 0.8f, 0.1f] }
            : d.Humidity > 0.6f
                ? new MulticlassPrediction { PredictedLabel = "rain", Score = [0.8f, 0.1f, 0.1f] }
                : new MulticlassPrediction { PredictedLabel = "clear", Score = [0.1f, 0.1f, 0.8f] });

    internal sealed record Day(float Temperature, float Humidity, string Weather);
}
