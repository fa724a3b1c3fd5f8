using Microsoft.Extensions.Time.Testing;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class MlNetTrainersTests
{
    private static TrainedModel s_spamModel = null!;
    private static RecordingProgress s_spamProgress = null!;

    [ClassInitialize]
    public static async Task TrainSpamModelOnce(TestContext context)
    {
        var trainer = MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, TrainingTestData.SpamOptions(), new FakeTimeProvider());
        s_spamProgress = new RecordingProgress();
        s_spamModel = await trainer.TrainAsync(TrainingSet<SpamRecord>.FromRecords(TrainingTestData.Spam(holdout: false), TrainingTestData.DatasetIds, seed: 42), s_spamProgress, context.CancellationToken);
    }

    [TestMethod]
    public void Text_BinarySpam_PredictsHeldOutMessagesWell()
    {
        var registry = new ModelFormatRegistry([new MlNetModelFormat(), new BaselineModelFormat([])]);
        using var model = registry.Load<SpamRecord, BinaryPrediction>(s_spamModel.Artifact);

        var holdout = TrainingTestData.Spam(holdout: true);
        var correct = holdout.Count(m => model.Predict(m).PredictedLabel == m.IsSpam);
        var accuracy = (double)correct / holdout.Count;

        var majority = Math.Max(holdout.Count(m => m.IsSpam), holdout.Count(m => !m.IsSpam)) / (double)holdout.Count;
        Assert.IsGreaterThan(0.8, accuracy, $"held-out accuracy {accuracy:0.000}");
        Assert.IsGreaterThan(majority + 0.1, accuracy, $"held-out accuracy {accuracy:0.000} vs majority {majority:0.000}");
        Assert.AreEqual(MlNetModelFormat.Id, s_spamModel.Artifact.FormatId);
        Assert.IsGreaterThan(0.9, s_spamModel.Metrics["auc"]);
    }

    [TestMethod]
    public void Text_BinarySpam_RecordsProvenance()
    {
        Snapshot.Verify(TrainingTestData.Describe(s_spamModel));
    }

    [TestMethod]
    public void Text_Progress_ReportsEveryStageInOrder()
    {
        TrainingStage[] expected = [TrainingStage.Validating, TrainingStage.Featurising, TrainingStage.Fitting, TrainingStage.Evaluating, TrainingStage.Serialising, TrainingStage.Completed];

        CollectionAssert.AreEqual(expected, s_spamProgress.Reports.Select(r => r.Stage).ToArray());
    }

    [TestMethod]
    public async Task Text_SameDataAndSeedTwice_SameMetricsAndPredictions()
    {
        var data = TrainingTestData.SmallSpam();
        var trainer = MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, TrainingTestData.SpamOptions(), new FakeTimeProvider());

        var first = await trainer.TrainAsync(TrainingSet<SpamRecord>.FromRecords(data, TrainingTestData.DatasetIds, 7), cancellationToken: TestContext.CancellationToken);
        var second = await trainer.TrainAsync(TrainingSet<SpamRecord>.FromRecords(data, TrainingTestData.DatasetIds, 7), cancellationToken: TestContext.CancellationToken);

        CollectionAssert.AreEqual(first.Metrics.ToList(), second.Metrics.ToList());
        var format = new MlNetModelFormat();
        using var a = format.Load<SpamRecord, BinaryPrediction>(first.Artifact);
        using var b = format.Load<SpamRecord, BinaryPrediction>(second.Artifact);
        foreach (var message in TrainingTestData.Spam(holdout: true))
        {
            Assert.AreEqual(a.Predict(message).Probability, b.Predict(message).Probability);
        }
    }

    [TestMethod]
    public async Task Tabular_Multiclass_MapsTheKeyBackToLabelStrings()
    {
        var options = TrainingTestData.TabularOptions(nameof(TabularRecord.Quadrant));
        var trainer = MlNetTrainers.Tabular<TabularRecord>(PredictionTask.MulticlassClassification, options, new FakeTimeProvider());

        var trained = await trainer.TrainAsync(TrainingSet<TabularRecord>.FromRecords(TrainingTestData.Tabular(200, 1), TrainingTestData.DatasetIds, 3), cancellationToken: TestContext.CancellationToken);
        using var model = new ModelFormatRegistry([new MlNetModelFormat()]).Load<TabularRecord, MulticlassPrediction>(trained.Artifact);

        var test = TrainingTestData.Tabular(60, 2);
        var accuracy = (double)test.Count(r => model.Predict(r).PredictedLabel == r.Quadrant) / test.Count;
        Assert.IsGreaterThan(0.8, accuracy);
        Assert.HasCount(4, model.Predict(test[0]).Score);
        Assert.IsGreaterThan(0.8, trained.Metrics["micro_accuracy"]);
    }

    [TestMethod]
    public async Task Tabular_Regression_LearnsNumericAndCategoricalEffects()
    {
        var trainer = MlNetTrainers.Tabular<TabularRecord>(PredictionTask.Regression, TrainingTestData.TabularOptions(nameof(TabularRecord.Target)), new FakeTimeProvider());

        var trained = await trainer.TrainAsync(TrainingSet<TabularRecord>.FromRecords(TrainingTestData.Tabular(300, 4), TrainingTestData.DatasetIds, 3), cancellationToken: TestContext.CancellationToken);
        using var model = new MlNetModelFormat().Load<TabularRecord, RegressionPrediction>(trained.Artifact);

        var red = model.Predict(new TabularRecord { X = 0.5f, Y = 0, Color = "red" }).Score;
        var blue = model.Predict(new TabularRecord { X = 0.5f, Y = 0, Color = "blue" }).Score;
        Assert.AreEqual(3.5f, red, 0.5f);
        Assert.AreEqual(-0.5f, blue, 0.5f);
        Assert.IsGreaterThan(0.9, trained.Metrics["r_squared"]);
    }

    public TestContext TestContext { get; set; } = null!;
}
