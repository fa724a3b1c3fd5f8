using System.Text;
using Microsoft.Extensions.Time.Testing;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class BaselineTrainersTests
{
    private static readonly BaselineRule<SpamRecord> MoneyRule = new("money-words", r =>
        (r.Subject + " " + r.Body).Contains("money", StringComparison.OrdinalIgnoreCase)
        || (r.Subject + " " + r.Body).Contains("free", StringComparison.OrdinalIgnoreCase));

    public TestContext TestContext { get; set; } = null!;

    private Task<TrainedModel> Train<TRecord>(ITrainer<TRecord> trainer, IEnumerable<TRecord> rows)
        where TRecord : class, new()
        => trainer.TrainAsync(TrainingSet<TRecord>.FromRecords(rows, TrainingTestData.DatasetIds, 1), cancellationToken: TestContext.CancellationToken);

    [TestMethod]
    public async Task Rule_SpamKeywords_TrainsLoadsWithTheRuleAndRecordsItsName()
    {
        var trained = await Train(BaselineTrainers.Rule(MoneyRule, nameof(SpamRecord.IsSpam), new FakeTimeProvider()), TrainingTestData.Spam(holdout: false));
        using var model = new ModelFormatRegistry([new BaselineModelFormat([MoneyRule])]).Load<SpamRecord, BinaryPrediction>(trained.Artifact);

        Assert.IsTrue(model.Predict(new SpamRecord { Subject = "FREE offer", Body = "" }).PredictedLabel);
        Assert.IsFalse(model.Predict(new SpamRecord { Subject = "lunch", Body = "at noon" }).PredictedLabel);
        Snapshot.Verify(TrainingTestData.Describe(trained) + "\n## Artifact\n\n```json\n" + Encoding.UTF8.GetString(trained.Artifact.Content.Span) + "\n```\n");
    }

    [TestMethod]
    public async Task Rule_LoadedWithoutTheRule_ThrowsMissingBaselineRule()
    {
        var trained = await Train(BaselineTrainers.Rule(MoneyRule, nameof(SpamRecord.IsSpam)), TrainingTestData.Spam(holdout: false));
        var other = new BaselineRule<TabularRecord>("money-words", _ => true);

        var missing = Assert.ThrowsExactly<MissingBaselineRuleException>(() => new BaselineModelFormat([]).Load<SpamRecord, BinaryPrediction>(trained.Artifact));
        var wrongType = Assert.ThrowsExactly<MissingBaselineRuleException>(() => new BaselineModelFormat([other]).Load<SpamRecord, BinaryPrediction>(trained.Artifact));

        StringAssert.Contains(missing.Message, "'money-words'");
        StringAssert.Contains(missing.Message, "supply the same rule at load time");
        StringAssert.Contains(wrongType.Message, "reads TabularRecord, not SpamRecord");
    }

    [TestMethod]
    public async Task Majority_Binary_PredictsTheMajorityClassWithItsRate()
    {
        var rows = TrainingTestData.Spam(holdout: false);
        var trained = await Train(BaselineTrainers.Majority<SpamRecord>(PredictionTask.BinaryClassification, nameof(SpamRecord.IsSpam)), rows);
        using var model = new BaselineModelFormat([]).Load<SpamRecord, BinaryPrediction>(trained.Artifact);

        var rate = (float)rows.Count(r => r.IsSpam) / rows.Count;
        var prediction = model.Predict(new SpamRecord());
        Assert.AreEqual(rate, prediction.Probability, 1e-6f);
        Assert.AreEqual(rate > 0.5f, prediction.PredictedLabel);
        Assert.AreEqual("baseline-majority", trained.TrainerName);
    }

    [TestMethod]
    public async Task Majority_Multiclass_PredictsTheMostFrequentLabel()
    {
        var rows = new[] { "a", "b", "b", "c", "b" }.Select(q => new TabularRecord { Quadrant = q, Color = "red" });
        var trained = await Train(BaselineTrainers.Majority<TabularRecord>(PredictionTask.MulticlassClassification, nameof(TabularRecord.Quadrant)), rows);
        using var model = new BaselineModelFormat([]).Load<TabularRecord, MulticlassPrediction>(trained.Artifact);

        var prediction = model.Predict(new TabularRecord());
        Assert.AreEqual("b", prediction.PredictedLabel);
        CollectionAssert.AreEqual(new[] { 0.2f, 0.6f, 0.2f }, prediction.Score);
        Assert.AreEqual(0.6, trained.Metrics["micro_accuracy"], 1e-9);
    }

    [TestMethod]
    public async Task Mean_Regression_PredictsTheMeanAndRefusesOtherPredictionTypes()
    {
        var rows = new[] { 1f, 2f, 6f }.Select(t => new TabularRecord { Target = t, Color = "red" });
        var trained = await Train(BaselineTrainers.Majority<TabularRecord>(PredictionTask.Regression, nameof(TabularRecord.Target)), rows);
        var format = new BaselineModelFormat([]);
        using var model = format.Load<TabularRecord, RegressionPrediction>(trained.Artifact);

        Assert.AreEqual(3f, model.Predict(new TabularRecord()).Score);
        Assert.AreEqual("baseline-mean", trained.TrainerName);
        var error = Assert.ThrowsExactly<ModelLoadException>(() => format.Load<TabularRecord, BinaryPrediction>(trained.Artifact));
        StringAssert.Contains(error.Message, "RegressionPrediction");
    }

    [TestMethod]
    public async Task Majority_BadInput_ThrowsTrainingException()
    {
        await Assert.ThrowsExactlyAsync<TrainingException>(() => Train(BaselineTrainers.Majority<SpamRecord>(PredictionTask.BinaryClassification, nameof(SpamRecord.IsSpam)), []));
        await Assert.ThrowsExactlyAsync<TrainingException>(() => Train(BaselineTrainers.Majority<SpamRecord>(PredictionTask.Regression, nameof(SpamRecord.IsSpam)), [new SpamRecord()]));
        Assert.ThrowsExactly<TrainingException>(() => BaselineTrainers.Majority<SpamRecord>(PredictionTask.Regression, " "));
    }
}
