using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class TrainingMetricsSampleTests
{
    [TestMethod]
    public void Of_MoreRowsThanTheSampleSize_KeepsAboutThatManyAndTheSameRowsForTheSameSeed()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(TrainingTestData.Tabular(4_000, 1));

        var first = ml.Data.CreateEnumerable<TabularRecord>(TrainingMetricsSample.Of(ml, data, 4_000, 500, seed: 9), reuseRowObject: false).Select(r => r.X).ToList();
        var again = ml.Data.CreateEnumerable<TabularRecord>(TrainingMetricsSample.Of(new MLContext(2), data, 4_000, 500, seed: 9), reuseRowObject: false).Select(r => r.X).ToList();

        Assert.IsInRange(400, 600, first.Count);
        CollectionAssert.AreEqual(first, again);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow(4_000)]
    public void Of_NoSampleSizeOrAtLeastTheRows_ReturnsTheDataItself(int? sampleSize)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(TrainingTestData.Tabular(10, 1));

        Assert.AreSame(data, TrainingMetricsSample.Of(ml, data, 10, sampleSize, seed: 9));
    }

    [TestMethod]
    public async Task Tabular_SampledMetrics_SameSeedSameMetricsAndDifferFromAllRows()
    {
        var rows = TrainingTestData.Tabular(600, 4);
        var sampled = TrainingTestData.TabularOptions(nameof(TabularRecord.Target));
        sampled.TrainingMetricsSampleSize = 60;
        var all = TrainingTestData.TabularOptions(nameof(TabularRecord.Target));
        all.TrainingMetricsSampleSize = null;

        var first = await Train(sampled, rows);
        var second = await Train(sampled, rows);
        var full = await Train(all, rows);

        CollectionAssert.AreEqual(first.Metrics.ToList(), second.Metrics.ToList());
        var format = new MlNetModelFormat();
        using var sampledModel = format.Load<TabularRecord, RegressionPrediction>(first.Artifact);
        using var fullModel = format.Load<TabularRecord, RegressionPrediction>(full.Artifact);
        foreach (var row in rows.Take(50))
        {
            Assert.AreEqual(fullModel.Predict(row).Score, sampledModel.Predict(row).Score, "sampling the metrics must not change the model");
        }

        Assert.AreNotEqual(full.Metrics["rmse"], first.Metrics["rmse"]);
        Assert.AreEqual(full.Metrics["rmse"], first.Metrics["rmse"], 0.1);
    }

    [TestMethod]
    public void Options_SampleSizeBelowOne_ThrowNamingTheSetting()
    {
        var tabular = TrainingTestData.TabularOptions(nameof(TabularRecord.Target));
        tabular.TrainingMetricsSampleSize = 0;
        var custom = new CustomPipelineOptions { TrainingMetricsSampleSize = -5 };

        var tabularError = Assert.ThrowsExactly<TrainingException>(() => MlNetTrainers.Tabular<TabularRecord>(PredictionTask.Regression, tabular));
        var customError = Assert.ThrowsExactly<TrainingException>(() => MlNetTrainers.Custom<TabularRecord>(PredictionTask.Regression, custom, ml => ml.Regression.Trainers.Sdca()));

        StringAssert.Contains(tabularError.Message, "TabularTrainerOptions:TrainingMetricsSampleSize must be between 1 and 100000000; it is 0.");
        StringAssert.Contains(customError.Message, "CustomPipelineOptions:TrainingMetricsSampleSize must be between 1 and 100000000; it is -5.");
    }

    private async Task<TrainedModel> Train(TabularTrainerOptions options, IReadOnlyList<TabularRecord> rows)
    {
        var trainer = MlNetTrainers.Tabular<TabularRecord>(PredictionTask.Regression, options, new FakeTimeProvider());
        return await trainer.TrainAsync(TrainingSet<TabularRecord>.FromRecords(rows, TrainingTestData.DatasetIds, 3), cancellationToken: TestContext.CancellationToken);
    }

    public TestContext TestContext { get; set; } = null!;
}
