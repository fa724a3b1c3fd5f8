using Microsoft.ML;
using MlValue.Evaluation;
using MlValue.Training;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class ModelEvaluatorBinaryTests
{
    [TestMethod]
    public async Task EvaluateBinary_TiedScores_CountsTiesHalf()
    {
        Row<bool>[] rows = [new(true, 0.9f, 0.9f, true), new(true, 0.5f, 0.5f, true), new(false, 0.5f, 0.5f, true), new(false, 0.1f, 0.1f, false)];

        var result = await Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(rows));

        Assert.AreEqual(0.875, result.Metric(MetricNames.Auc)!.Value!.Value, 1e-12);
        Assert.AreEqual(0.75, result.Metric(MetricNames.Accuracy)!.Value!.Value, 1e-12);
        Assert.AreEqual(2.0 / 3, result.Metric(MetricNames.Precision)!.Value!.Value, 1e-12);
        Assert.AreEqual(1.0, result.Metric(MetricNames.Recall)!.Value!.Value, 1e-12);
        Assert.AreEqual(0.8, result.Metric(MetricNames.F1)!.Value!.Value, 1e-12);
    }

    [TestMethod]
    public async Task EvaluateBinary_SameScoresAsMlNet_MatchesMlNetEvaluator()
    {
        // Probabilities rounded to 0.05 so that many rows tie; ML.NET counts Score > 0 as positive, so Score = p - 0.5.
        var rows = Synthetic(2000, seed: 7).Select(r => (r.Label, P: MathF.Round(r.Probability * 20) / 20)).Select(r => new Row<bool>(r.Label, r.P - 0.5f, r.P, r.P > 0.5f)).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Label = r.Label, Score = r.Score, Probability = r.Probability, PredictedLabel = r.Predicted }));

        var expected = ml.BinaryClassification.Evaluate(data);
        var result = await Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(rows));

        Assert.AreEqual(expected.AreaUnderRocCurve, result.Metric(MetricNames.Auc)!.Value!.Value, 1e-9);
        Assert.AreEqual(expected.Accuracy, result.Metric(MetricNames.Accuracy)!.Value!.Value, 1e-9);
        Assert.AreEqual(expected.PositivePrecision, result.Metric(MetricNames.Precision)!.Value!.Value, 1e-9);
        Assert.AreEqual(expected.PositiveRecall, result.Metric(MetricNames.Recall)!.Value!.Value, 1e-9);
        Assert.AreEqual(expected.F1Score, result.Metric(MetricNames.F1)!.Value!.Value, 1e-9);
        // ML.NET reports log-loss in bits (log base 2); MlValue in nats (natural log), as scikit-learn does.
        Assert.AreEqual(expected.LogLoss * Math.Log(2), result.Metric(MetricNames.LogLoss)!.Value!.Value, 1e-6);
    }

    [TestMethod]
    public async Task EvaluateBinary_SingleClassHoldout_ReportsAucUndefinedWithReason()
    {
        Row<bool>[] rows = [new(false, 0.2f, 0.2f, false), new(false, 0.7f, 0.7f, true)];

        var result = await Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(rows));

        var auc = result.Metric(MetricNames.Auc)!;
        Assert.IsNull(auc.Value);
        Assert.AreEqual("all 2 rows are 'negative'; AUC needs both classes", auc.UndefinedReason);
        Assert.IsNull(result.Metric(MetricNames.Recall)!.Value);
        Assert.AreEqual(0.5, result.Metric(MetricNames.Accuracy)!.Value!.Value, 1e-12);
        Assert.IsFalse(result.ToMetricDictionary().ContainsKey(MetricNames.Auc));
        Assert.AreEqual(0, result.Roc.Count);
    }

    [TestMethod]
    public async Task EvaluateBinary_EmptyHoldout_ThrowsEvaluationException()
    {
        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("spam-filter v2", Echo(), Holdout([])));

        StringAssert.Contains(error.Message, "'spam-filter v2' is empty");
    }

    [TestMethod]
    public async Task EvaluateBinary_NaNProbability_ThrowsNamingModelAndRow()
    {
        Row<bool>[] rows = [new(true, 0.9f, 0.9f, true), new(false, 0.1f, float.NaN, false)];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("m1", Echo(), Holdout(rows)));

        StringAssert.Contains(error.Message, "Model 'm1' returned Probability NaN for holdout row 1");
    }

    [TestMethod]
    public async Task EvaluateBinary_NaNScore_ThrowsNamingRow()
    {
        Row<bool>[] rows = [new(true, float.NaN, 0.9f, true)];

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("m1", Echo(), Holdout(rows)));

        StringAssert.Contains(error.Message, "Score NaN for holdout row 0");
    }

    [TestMethod]
    public async Task EvaluateBinary_ModelThrows_WrapsWithRow()
    {
        var model = new DelegateModel<Row<bool>, BinaryPrediction>(_ => throw new InvalidOperationException("engine broke"));

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("m1", model, Holdout([new(true, 1, 1, true)])));

        Assert.AreEqual("Model 'm1' failed to predict holdout row 0: InvalidOperationException: engine broke", error.Message);
    }

    [TestMethod]
    public async Task EvaluateBinary_WrongClassNames_Throws()
    {
        var holdout = new MlValue.Evaluation.Holdout<Row<bool>, bool>([new(true, 1, 1, true)], r => r.Label) { ClassNames = ["only"] };

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("m", Echo(), holdout));

        StringAssert.Contains(error.Message, "ClassNames must be two different names");
    }

    [TestMethod]
    public async Task EvaluateBinary_NoPositivePrediction_PrecisionAndF1UndefinedWithReason()
    {
        var result = await Evaluator().EvaluateBinaryAsync("prior", PriorBaseline(), SpamHoldout());

        Assert.AreEqual("the model predicted no row 'spam', so precision divides by zero", result.Metric(MetricNames.Precision)!.UndefinedReason);
        StringAssert.StartsWith(result.Metric(MetricNames.F1)!.UndefinedReason, "F1 needs both precision and recall");
        Assert.AreEqual(0.5, result.Metric(MetricNames.Auc)!.Value!.Value, 1e-12);
    }

    [TestMethod]
    public async Task EvaluateBinary_ConfidentMistake_LogLossClippedAtEpsilon()
    {
        Row<bool>[] rows = [new(true, 0f, 0f, false), new(false, 0f, 0f, false)];

        var result = await Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(rows));

        Assert.AreEqual(-Math.Log(MetricNames.LogLossEpsilon) / 2, result.Metric(MetricNames.LogLoss)!.Value!.Value, 1e-6);
        Assert.AreEqual(0, result.WorstErrors[0].Row);
    }

    [TestMethod]
    public async Task EvaluateBinary_Calibration_BinsAndExpectedError()
    {
        Row<bool>[] rows = [new(false, 0.1f, 0.1f, false), new(true, 0.1f, 0.1f, false), new(true, 0.9f, 0.9f, true), new(true, 0.9f, 0.9f, true)];

        var result = await Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(rows));

        Assert.AreEqual(10, result.Calibration.Count);
        Assert.AreEqual(2, result.Calibration[1].Count);
        Assert.AreEqual(0.5, result.Calibration[1].ObservedRate!.Value, 1e-9);
        Assert.IsNull(result.Calibration[5].MeanPredicted);
        Assert.AreEqual(0.25, result.Metric(MetricNames.ExpectedCalibrationError)!.Value!.Value, 1e-6);
    }

    [TestMethod]
    public async Task EvaluateBinary_ManyDistinctScores_RocDownsampledToBound()
    {
        var result = await Evaluator(o => o.RocPoints = 50).EvaluateBinaryAsync("m", Echo(), Holdout(Synthetic(5000, seed: 3)));

        Assert.IsTrue(result.Roc.Count <= 50, $"{result.Roc.Count} points");
        Assert.AreEqual((0.0, 0.0), (result.Roc[0].FalsePositiveRate, result.Roc[0].TruePositiveRate));
        Assert.AreEqual((1.0, 1.0), (result.Roc[^1].FalsePositiveRate, result.Roc[^1].TruePositiveRate));
    }

    [TestMethod]
    public async Task EvaluateBinary_CancelledToken_Throws()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => Evaluator().EvaluateBinaryAsync("m", Echo(), Holdout(Synthetic(10, 1)), cancel.Token));
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
