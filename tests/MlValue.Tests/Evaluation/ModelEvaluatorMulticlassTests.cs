using MlValue.Evaluation;
using MlValue.Training;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class ModelEvaluatorMulticlassTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    [TestMethod]
    public async Task EvaluateMulticlass_KnownRows_MicroMacroLogLossAndPerClass()
    {
        var result = await Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(KnownRows()));

        Assert.AreEqual(0.75, result.Metric(MetricNames.MicroAccuracy)!.Value!.Value, 1e-12);
        Assert.AreEqual((0.5 + 1 + 1) / 3, result.Metric(MetricNames.MacroAccuracy)!.Value!.Value, 1e-12);
        Assert.AreEqual(-(Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.8) + Math.Log(0.6)) / 4, result.Metric(MetricNames.LogLoss)!.Value!.Value, 1e-6);
        var b = result.ClassMetrics.Single(c => c.ClassName == "b");
        Assert.AreEqual(0.5, b.Precision.Value!.Value, 1e-12);
        Assert.AreEqual(1.0, b.Recall.Value!.Value, 1e-12);
        Assert.AreEqual(1, result.ConfusionMatrix!.Counts[0][1]);
        Assert.AreEqual(0, result.Calibration.Count);
    }

    [TestMethod]
    public async Task EvaluateMulticlass_KnownRows_MacroF1IsMeanOfPerClassF1()
    {
        var result = await Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(KnownRows()));

        Assert.AreEqual(((2.0 / 3) + (2.0 / 3) + 1) / 3, result.Metric(MetricNames.MacroF1)!.Value!.Value, 1e-12);
        Assert.AreEqual(result.ClassMetrics.Average(c => c.F1.Value!.Value), result.Metric(MetricNames.MacroF1)!.Value!.Value, 1e-12);
        Assert.IsTrue(MetricNames.IsHigherBetter(MetricNames.MacroF1));
        Assert.Contains(MetricNames.MacroF1, MetricNames.All);
    }

    [TestMethod]
    public async Task Decide_MacroF1Rule_ChecksTheMetric()
    {
        var evaluator = Evaluator();
        var worse = KnownRows().Select(r => r with { Predicted = "a" }).ToArray();
        var champion = await evaluator.EvaluateMulticlassAsync("v1", Model(), Holdout(worse));
        var challenger = await evaluator.EvaluateMulticlassAsync("v2", Model(), Holdout(KnownRows()));

        var decision = EvaluationFixture.Judge().Decide(challenger, champion, null, new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.MacroF1, MinAbsoluteImprovement = 0.1, CheckSlices = false } }, RequireBaseline = false });

        Assert.IsTrue(decision.Promote, decision.Reason);
        Assert.AreEqual(MetricNames.MacroF1, decision.Checks.Single().Metric);
    }

    [TestMethod]
    public async Task EvaluateMulticlass_ClassLabelledNeverPredicted_F1ZeroNotUndefined()
    {
        var rows = KnownRows().Select(r => r.Label == "c" ? r with { Predicted = "a" } : r).ToArray();

        var result = await Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(rows));

        var c = result.ClassMetrics.Single(x => x.ClassName == "c");
        Assert.AreEqual(0.0, c.Recall.Value);
        Assert.AreEqual(0.0, c.F1.Value);
    }

    [TestMethod]
    public async Task EvaluateMulticlass_ClassNeverPredicted_PrecisionUndefinedWithReason()
    {
        var rows = KnownRows().Where(r => r.Label != "c").ToArray();

        var result = await Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(rows));

        var c = result.ClassMetrics.Single(x => x.ClassName == "c");
        Assert.AreEqual("no row was predicted 'c'", c.Precision.UndefinedReason);
        Assert.AreEqual("no row is labelled 'c'", c.Recall.UndefinedReason);
        Assert.AreEqual(0, c.Support);
    }

    [TestMethod]
    public async Task EvaluateMulticlass_UnknownLabel_ThrowsNamingRowAndClasses()
    {
        var rows = KnownRows().Append(new Sample("z", [0.3f, 0.3f, 0.4f], "c")).ToArray();

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(rows)));

        Assert.AreEqual("Model 'm' on holdout row 4: the row has label 'z', which is not one of the holdout's ClassNames [a, b, c]; add the class (a class may have no rows) or fix the record.", error.Message);
    }

    [TestMethod]
    [DataRow(0, "a")]
    [DataRow(2, "c")]
    public async Task EvaluateMulticlass_NaNProbability_ThrowsNamingClass(int index, string className)
    {
        var scores = new[] { 0.2f, 0.4f, 0.4f };
        scores[index] = float.NaN;
        Sample[] rows = [new("a", scores, "b")];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(rows)));

        StringAssert.Contains(error.Message, $"returned probability NaN for class '{className}'");
    }

    [TestMethod]
    public async Task EvaluateMulticlass_ScoreLengthMismatch_Throws()
    {
        Sample[] rows = [new("a", [1f, 0f], "a")];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("m", Model(), Holdout(rows)));

        StringAssert.Contains(error.Message, "returned 2 scores but the holdout names 3 classes");
    }

    [TestMethod]
    public async Task EvaluateMulticlass_NoClassNames_Throws()
    {
        var holdout = new Holdout<Sample, string>(KnownRows(), s => s.Label);

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateMulticlassAsync("m", Model(), holdout));

        StringAssert.Contains(error.Message, "needs the holdout's ClassNames");
    }

    internal static Sample[] KnownRows() =>
    [
        new("a", [0.7f, 0.2f, 0.1f], "a"),
        new("a", [0.4f, 0.5f, 0.1f], "b"),
        new("b", [0.1f, 0.8f, 0.1f], "b"),
        new("c", [0.2f, 0.2f, 0.6f], "c"),
    ];

    internal static IPredictionModel<Sample, MulticlassPrediction> Model()
        => new DelegateModel<Sample, MulticlassPrediction>(s => new MulticlassPrediction { PredictedLabel = s.Predicted, Score = s.Scores });

    internal static Holdout<Sample, string> Holdout(IEnumerable<Sample> rows) => new(rows, s => s.Label) { ClassNames = Classes, DatasetId = "synthetic-3" };

    internal sealed record Sample(string Label, float[] Scores, string Predicted);
}
