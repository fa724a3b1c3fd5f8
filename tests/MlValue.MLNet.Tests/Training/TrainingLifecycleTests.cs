using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.ML;
using MlValue.Diagnostics;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class TrainingLifecycleTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ITrainer<SpamRecord> SpamTrainer(TimeProvider? time = null)
        => MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, TrainingTestData.SpamOptions(), time ?? new FakeTimeProvider());

    private static TrainingSet<SpamRecord> SmallSpam()
        => TrainingSet<SpamRecord>.FromRecords(TrainingTestData.SmallSpam(), TrainingTestData.DatasetIds, 5);

    [TestMethod]
    public async Task TrainAsync_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => SpamTrainer().TrainAsync(SmallSpam(), cancellationToken: cancel.Token));
    }

    [TestMethod]
    [DataRow(TrainingStage.Featurising)]
    [DataRow(TrainingStage.Fitting)]
    [DataRow(TrainingStage.Serialising)]
    public async Task TrainAsync_CancelledAtAStage_ThrowsOperationCanceledAndStopsThere(TrainingStage stage)
    {
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.Stage == stage)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() => SpamTrainer().TrainAsync(SmallSpam(), progress, cancel.Token));

        Assert.AreEqual(stage, progress.Reports[^1].Stage);
    }

    [TestMethod]
    public async Task TrainAsync_MeasuresDurationWithTimeProviderAndRecordsTelemetry()
    {
        var time = new FakeTimeProvider();
        var trainer = MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, TrainingTestData.SpamOptions(), time);
        var progress = new RecordingProgress(p =>
        {
            if (p.Stage == TrainingStage.Fitting)
            {
                time.Advance(TimeSpan.FromSeconds(12));
            }
        });
        using var collector = new MetricCollector<double>(null, MlValueTelemetry.Name, "mlvalue.training.duration");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MlValueTelemetry.Name,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var model = await trainer.TrainAsync(SmallSpam(), progress, TestContext.CancellationToken);

        Assert.AreEqual(TimeSpan.FromSeconds(12), model.Duration);
        Assert.IsTrue(collector.GetMeasurementSnapshot().Any(m => m.Value == 12 && (string?)m.Tags["mlvalue.trainer"] == "mlnet-text-sdca-logistic"));
        var activity = activities.Single(a => a.OperationName == "mlvalue.training" && (int?)a.GetTagItem("mlvalue.seed") == 5);
        Assert.AreEqual("mlnet-text-sdca-logistic", activity.GetTagItem("mlvalue.trainer"));
    }

    [TestMethod]
    public async Task FromDataView_LargeFilePath_TrainsWithoutRecordObjects()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mlvalue-training-" + Guid.NewGuid().ToString("N")));
        try
        {
            var file = Path.Combine(folder.FullName, "spam.tsv");
            await File.WriteAllLinesAsync(file, TrainingTestData.Spam(holdout: false).Select(r => $"{Clean(r.Subject)}\t{Clean(r.Body)}\t{r.IsSpam}"), TestContext.CancellationToken);
            var view = new MLContext(1).Data.LoadFromTextFile<SpamRecordFile>(file, separatorChar: '\t', allowQuoting: false);

            var model = await SpamTrainer().TrainAsync(TrainingSet<SpamRecord>.FromDataView(view, ["ds-file"], 1), cancellationToken: TestContext.CancellationToken);
            using var predictor = new MlNetModelFormat().Load<SpamRecord, BinaryPrediction>(model.Artifact);

            var holdout = TrainingTestData.Spam(holdout: true);
            Assert.IsGreaterThan(0.8, (double)holdout.Count(m => predictor.Predict(m).PredictedLabel == m.IsSpam) / holdout.Count);
            Assert.AreEqual(186, model.RowCount);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task Custom_AnyMlNetPipeline_TrainsThroughTheSameSeam()
    {
        var options = new CustomPipelineOptions { LabelColumn = nameof(SpamRecord.IsSpam), TrainerName = "custom-bag-of-words-averaged-perceptron" };
        options.Hyperparameters["iterations"] = "5";
        var trainer = MlNetTrainers.Custom<SpamRecord>(PredictionTask.BinaryClassification, options, ml =>
            ml.Transforms.Text.FeaturizeText("Features", nameof(SpamRecord.Body))
                .Append(ml.BinaryClassification.Trainers.AveragedPerceptron(nameof(SpamRecord.IsSpam), numberOfIterations: 5))
                .Append(ml.BinaryClassification.Calibrators.Platt(nameof(SpamRecord.IsSpam))));

        var model = await trainer.TrainAsync(SmallSpam(), cancellationToken: TestContext.CancellationToken);
        using var predictor = new MlNetModelFormat().Load<SpamRecord, BinaryPrediction>(model.Artifact);

        Assert.AreEqual("custom-bag-of-words-averaged-perceptron", model.TrainerName);
        Assert.AreEqual("5", model.Hyperparameters["iterations"]);
        Assert.IsTrue(model.Metrics.ContainsKey("auc"));
        Assert.IsInRange(0f, 1f, predictor.Predict(new SpamRecord { Subject = "hello", Body = "free money click now" }).Probability);
    }

    private static string Clean(string? text) => (text ?? string.Empty).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}

public sealed class SpamRecordFile
{
    [Microsoft.ML.Data.LoadColumn(0)]
    public string Subject { get; set; } = "";

    [Microsoft.ML.Data.LoadColumn(1)]
    public string Body { get; set; } = "";

    [Microsoft.ML.Data.LoadColumn(2)]
    public bool IsSpam { get; set; }
}
