using Microsoft.ML;
using MlValue.Evaluation;
using MlValue.Training;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class ModelEvaluatorRegressionTests
{
    [TestMethod]
    public async Task EvaluateRegression_KnownRows_RmseMaeRSquared()
    {
        Point[] rows = [new(1, 1.5f), new(2, 2), new(3, 2.5f), new(4, 5)];

        var result = await Evaluator().EvaluateRegressionAsync("m", Model(), Holdout(rows));

        Assert.AreEqual(Math.Sqrt(0.375), result.Metric(MetricNames.Rmse)!.Value!.Value, 1e-9);
        Assert.AreEqual(0.5, result.Metric(MetricNames.Mae)!.Value!.Value, 1e-9);
        Assert.AreEqual(0.7, result.Metric(MetricNames.RSquared)!.Value!.Value, 1e-9);
        Assert.AreEqual(3, result.WorstErrors[0].Row);
        Assert.IsNull(result.ConfusionMatrix);
    }

    [TestMethod]
    public async Task EvaluateRegression_SameScoresAsMlNet_MatchesMlNetEvaluator()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 1000).Select(_ => (float)(random.NextDouble() * 10)).Select(y => new Point(y, y + (float)((random.NextDouble() - 0.5) * 3))).ToArray();
        var ml = new MLContext(seed: 1);

        var expected = ml.Regression.Evaluate(ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Label = r.Label, Score = r.Predicted })));
        var result = await Evaluator().EvaluateRegressionAsync("m", Model(), Holdout(rows));

        Assert.AreEqual(expected.RootMeanSquaredError, result.Metric(MetricNames.Rmse)!.Value!.Value, 1e-5);
        Assert.AreEqual(expected.MeanAbsoluteError, result.Metric(MetricNames.Mae)!.Value!.Value, 1e-5);
        Assert.AreEqual(expected.RSquared, result.Metric(MetricNames.RSquared)!.Value!.Value, 1e-5);
    }

    [TestMethod]
    public async Task EvaluateRegression_EqualLabels_RSquaredUndefinedWithReason()
    {
        Point[] rows = [new(2, 1), new(2, 3)];

        var result = await Evaluator().EvaluateRegressionAsync("m", Model(), Holdout(rows));

        Assert.AreEqual("all 2 labels are equal, so R² divides by a zero variance", result.Metric(MetricNames.RSquared)!.UndefinedReason);
        Assert.AreEqual(1.0, result.Metric(MetricNames.Rmse)!.Value!.Value, 1e-9);
    }

    [TestMethod]
    public async Task EvaluateRegression_InfiniteScore_ThrowsNamingRow()
    {
        Point[] rows = [new(1, 1), new(2, float.PositiveInfinity)];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateRegressionAsync("m", Model(), Holdout(rows)));

        StringAssert.Contains(error.Message, "returned Score Infinity for holdout row 1");
    }

    [TestMethod]
    public async Task EvaluateRegression_NaNLabel_Throws()
    {
        Point[] rows = [new(float.NaN, 1)];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateRegressionAsync("m", Model(), Holdout(rows)));

        StringAssert.Contains(error.Message, "Holdout row 0 has label NaN");
    }

    internal static IPredictionModel<Point, RegressionPrediction> Model()
        => new DelegateModel<Point, RegressionPrediction>(p => new RegressionPrediction { Score = p.Predicted });

    internal static Holdout<Point, float> Holdout(IEnumerable<Point> rows) => new(rows, p => p.Label) { DatasetId = "synthetic-r" };

    internal sealed record Point(float Label, float Predicted);

    private sealed class ScoredRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }
}
