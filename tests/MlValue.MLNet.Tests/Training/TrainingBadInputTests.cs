using System.Text;
using Microsoft.Extensions.Time.Testing;
using MlValue.Tests.Support;
using Microsoft.ML;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class TrainingBadInputTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ITrainer<SpamRecord> SpamTrainer(Action<TextTrainerOptions>? change = null)
    {
        var options = TrainingTestData.SpamOptions();
        change?.Invoke(options);
        return MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, options, new FakeTimeProvider());
    }

    private static List<SpamRecord> FewSpam() =>
    [
        new() { Subject = "cheap meds", Body = "buy now", IsSpam = true },
        new() { Subject = "meeting", Body = "see you at noon", IsSpam = false },
        new() { Subject = "win money", Body = "click here", IsSpam = true },
    ];

    private async Task<TrainingException> TrainExpectingError<TRecord>(ITrainer<TRecord> trainer, IEnumerable<TRecord> rows)
        where TRecord : class, new()
        => await Assert.ThrowsExactlyAsync<TrainingException>(() => trainer.TrainAsync(TrainingSet<TRecord>.FromRecords(rows, TrainingTestData.DatasetIds, 1), cancellationToken: TestContext.CancellationToken));

    [TestMethod]
    public async Task TrainAsync_BadInput_ThrowsTypedErrorsThatSayWhatWhereAndHow()
    {
        var cases = new List<(string Case, TrainingException Error)>
        {
            ("empty training set", await TrainExpectingError(SpamTrainer(), [])),
            ("single-class label", await TrainExpectingError(SpamTrainer(), FewSpam().Where(r => r.IsSpam))),
            ("label column missing", await TrainExpectingError(SpamTrainer(o => o.LabelColumn = "Spam"), FewSpam())),
            ("label column of the wrong type", await TrainExpectingError(SpamTrainer(o => o.LabelColumn = nameof(SpamRecord.Subject)), FewSpam())),
            ("text column missing", await TrainExpectingError(SpamTrainer(o => o.TextColumns.Add("Sender")), FewSpam())),
            ("null text", await TrainExpectingError(SpamTrainer(), FewSpam().Append(new SpamRecord { Subject = null, Body = "x", IsSpam = false }))),
            ("NaN feature", await TrainExpectingError(
                MlNetTrainers.Tabular<TabularRecord>(PredictionTask.Regression, TrainingTestData.TabularOptions(nameof(TabularRecord.Target))),
                TrainingTestData.Tabular(5, 1).Append(new TabularRecord { X = float.NaN, Color = "red" }))),
            ("NaN regression label", await TrainExpectingError(
                MlNetTrainers.Tabular<TabularRecord>(PredictionTask.Regression, TrainingTestData.TabularOptions(nameof(TabularRecord.Target))),
                TrainingTestData.Tabular(5, 1).Append(new TabularRecord { Target = float.NaN, Color = "red" }))),
            ("empty multiclass label", await TrainExpectingError(
                MlNetTrainers.Tabular<TabularRecord>(PredictionTask.MulticlassClassification, TrainingTestData.TabularOptions(nameof(TabularRecord.Quadrant))),
                TrainingTestData.Tabular(5, 1).Append(new TabularRecord { Quadrant = " ", Color = "red" }))),
        };

        var text = new StringBuilder("# Bad training input\n\n| case | message |\n|---|---|\n");
        foreach (var (name, error) in cases)
        {
            text.Append("| ").Append(name).Append(" | ").Append(error.Message.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        Snapshot.Verify(text.ToString());
    }

    [TestMethod]
    [DataRow(0, 2, "WordNgramLength")]
    [DataRow(1, 0, "NumberOfThreads")]
    public void Text_InvalidOptions_ThrowsNamingTheSetting(int wordNgrams, int threads, string setting)
    {
        var error = Assert.ThrowsExactly<TrainingException>(() => SpamTrainer(o =>
        {
            o.WordNgramLength = wordNgrams == 0 ? 9 : o.WordNgramLength;
            o.NumberOfThreads = threads == 0 ? 0 : o.NumberOfThreads;
        }));

        StringAssert.Contains(error.Message, "TextTrainerOptions:" + setting);
    }

    [TestMethod]
    public void Text_NoTextColumns_ThrowsNamingTheSetting()
    {
        var error = Assert.ThrowsExactly<TrainingException>(() => MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, new TextTrainerOptions()));

        StringAssert.Contains(error.Message, "TextTrainerOptions:TextColumns");
    }

    [TestMethod]
    public void FromRecords_NoDatasetId_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => TrainingSet<SpamRecord>.FromRecords(FewSpam(), [], 1));
    }

    [TestMethod]
    public async Task Custom_PipelineThatFailsInsideMlNet_ThrowsTrainingException()
    {
        var trainer = MlNetTrainers.Custom<SpamRecord>(
            PredictionTask.BinaryClassification,
            new CustomPipelineOptions { LabelColumn = nameof(SpamRecord.IsSpam) },
            ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(SpamRecord.IsSpam), "NoSuchFeatures"));

        var error = await TrainExpectingError(trainer, FewSpam());

        StringAssert.Contains(error.Message, "mlnet-custom");
        StringAssert.Contains(error.Message, "NoSuchFeatures");
    }
}
