using Microsoft.Extensions.DependencyInjection;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Registry;
using MlValue.Tests.Quickstart;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Evaluation;

/// <summary>The standard promotion step: judge, register with lineage, move the alias by CAS, refresh serving.</summary>
[TestClass]
public sealed class PromotionStepTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("mlvalue-promotion-").FullName;

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task RunAsync_ChallengerLosesToTheChampion_RegistersItWithoutMovingTheAlias()
    {
        await using var provider = Provider();
        var (split, text, majority) = await TrainAsync();
        var step = provider.GetRequiredService<PromotionStep>();
        var holdout = split.Test.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"]);
        var first = await step.RunAsync(new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = text, Baseline = majority, Holdout = holdout });

        var second = await step.RunAsync(new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = majority, Holdout = holdout });

        var registry = provider.GetRequiredService<IModelRegistry>();
        Assert.IsTrue(first.Decision.Promote, first.Decision.ToMarkdown());
        Assert.IsFalse(second.Decision.Promote, second.Decision.ToMarkdown());
        Assert.IsNull(second.AliasMove);
        Assert.AreEqual(2, second.Version.Version);
        Assert.AreEqual(1, second.Version.ParentVersion);
        Assert.AreEqual(1, (await registry.GetByAliasAsync("spam", "champion"))!.Version);
        Assert.AreEqual("spam v1", second.Champion!.ModelName);
        var history = await registry.GetAliasHistoryAsync("spam", "champion");
        Assert.AreEqual(first.Decision.ToSummary(), history.Single().Reason);
        var stored = await registry.LoadAttachmentAsync("spam", 2, PromotionDecision.AttachmentName);
        Assert.IsFalse(PromotionDecision.FromJson(System.Text.Encoding.UTF8.GetString(stored!)).Promote);
    }

    [TestMethod]
    public async Task RunAsync_SameIdempotencyKeyTwice_OneVersionOneAliasMoveSameDecision()
    {
        await using var provider = Provider();
        var (split, text, majority) = await TrainAsync();
        var step = provider.GetRequiredService<PromotionStep>();
        var holdout = split.Test.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"]);
        var request = new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = text, Baseline = majority, Holdout = holdout, IdempotencyKey = "spam/run-000001/promote" };

        var first = await step.RunAsync(request);
        var again = await step.RunAsync(request);
        var next = await step.RunAsync(new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = majority, Holdout = holdout, IdempotencyKey = "spam/run-000002/promote" });
        var nextAgain = await step.RunAsync(new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = majority, Holdout = holdout, IdempotencyKey = "spam/run-000002/promote" });

        var registry = provider.GetRequiredService<IModelRegistry>();
        Assert.IsTrue(first.Decision.Promote, first.Decision.ToMarkdown());
        Assert.AreEqual(first.Version.Version, again.Version.Version);
        Assert.AreEqual(first.Decision.ToSummary(), again.Decision.ToSummary());
        Assert.IsNull(again.Champion);
        Assert.AreEqual(first.AliasMove!.MovedAt, again.AliasMove!.MovedAt);
        Assert.AreEqual(2, next.Version.Version);
        Assert.AreEqual(2, nextAgain.Version.Version);
        Assert.AreEqual("spam v1", nextAgain.Champion!.ModelName);
        Assert.AreEqual(next.Decision.ToSummary(), nextAgain.Decision.ToSummary());
        Assert.HasCount(2, await registry.SearchAsync(new ModelQuery { ModelName = "spam" }));
        Assert.HasCount(1, await registry.GetAliasHistoryAsync("spam", "champion"));
    }

    [TestMethod]
    public async Task RunAsync_HoldoutOfAnotherTask_ThrowsNamingBoth()
    {
        await using var provider = Provider();
        var (split, text, _) = await TrainAsync();
        var holdout = split.Test.ToHoldout(m => m.IsSpam ? "spam" : "ham");

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => provider.GetRequiredService<PromotionStep>().RunAsync(new PromotionRequest<Mail, string> { ModelName = "spam", Challenger = text, Holdout = holdout }));

        StringAssert.Contains(error.Message, "is a BinaryClassification model, but the holdout's labels make this a MulticlassClassification promotion");
    }

    [TestMethod]
    public async Task From_TrainedAndEvaluated_CarriesTheWholeLineageAndRefusesSystemTags()
    {
        var (split, text, _) = await TrainAsync();

        var registration = ModelRegistration.From("spam", text, tags: new Dictionary<string, string> { ["team"] = "mail" });
        var error = Assert.ThrowsExactly<ArgumentException>(() => ModelRegistration.From("spam", text, tags: new Dictionary<string, string> { ["mlvalue.task"] = "x" }));

        Assert.AreEqual(split.Train.Id, registration.TrainingDatasetIds.Single());
        Assert.AreEqual("BinaryClassification", registration.Tags[ModelRegistration.TaskTag]);
        Assert.AreEqual(text.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture), registration.Tags[ModelRegistration.TrainingRowsTag]);
        StringAssert.Contains(registration.Tags[ModelRegistration.InputSchemaTag], "Subject:");
        Assert.AreEqual("mail", registration.Tags["team"]);
        StringAssert.Contains(error.Message, "system tags");
    }

    [TestMethod]
    public async Task Load_TrainedModelAsTheWrongPredictionType_ThrowsNamingTheRightOne()
    {
        await using var provider = Provider();
        var (_, text, _) = await TrainAsync();
        var formats = provider.GetRequiredService<ModelFormatRegistry>();

        using var model = formats.Load<Mail, BinaryPrediction>(text);
        var error = Assert.ThrowsExactly<ModelLoadException>(() => formats.Load<Mail, MulticlassPrediction>(text));

        Assert.IsTrue(model.Predict(new Mail { Subject = "win money", Body = "click" }).Probability is >= 0 and <= 1);
        StringAssert.Contains(error.Message, "is a BinaryClassification model and predicts BinaryPrediction, but MulticlassPrediction was asked for");
    }

    [TestMethod]
    public async Task RunAsync_OwnJudgeRegisteredBeforeAddEvaluation_DecidesInsteadOfThePolicy()
    {
        await using var provider = Provider(services => services.AddSingleton<IPromotionJudge>(new SignOffJudge()));
        var (split, text, majority) = await TrainAsync();

        var outcome = await provider.GetRequiredService<PromotionStep>().RunAsync(new PromotionRequest<Mail, bool> { ModelName = "spam", Challenger = text, Baseline = majority, Holdout = split.Test.ToHoldout(m => m.IsSpam) });

        Assert.IsFalse(outcome.Decision.Promote);
        Assert.AreEqual("awaiting sign-off", outcome.Decision.Reason);
        Assert.IsNull(outcome.AliasMove);
        Assert.AreEqual(1, outcome.Version.Version);
        Assert.IsNull(await provider.GetRequiredService<IModelRegistry>().GetByAliasAsync("spam", "champion"));
    }

    private ServiceProvider Provider(Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddMlValue(o => o.RootDirectory = _root).UseSqlite().AddTraining().AddEvaluation().AddModelRegistry().AddPredictor<Mail, BinaryPrediction>("spam");
        return services.BuildServiceProvider();
    }

    private static async Task<(DatasetSplit<Mail> Split, TrainedModel Text, TrainedModel Majority)> TrainAsync()
    {
        var mails = SpamFixture.All.Select(m => new Mail { Id = m.Group + "/" + m.Id, Subject = m.Subject, Body = m.Body.Length > 1000 ? m.Body[..1000] : m.Body, IsSpam = m.IsSpam });
        var split = Dataset.FromRecords(mails, new DatasetProvenance { Source = "fixture" }).Split(m => m.Id);
        var data = split.Train.ToTrainingSet(seed: 42);
        var options = new TextTrainerOptions { LabelColumn = nameof(Mail.IsSpam), TextColumns = { nameof(Mail.Subject), nameof(Mail.Body) } };
        var text = await MlNetTrainers.Text<Mail>(PredictionTask.BinaryClassification, options).TrainAsync(data);
        var majority = await BaselineTrainers.Majority<Mail>(PredictionTask.BinaryClassification, nameof(Mail.IsSpam)).TrainAsync(data);
        return (split, text, majority);
    }

    /// <summary>A gate of a team's own: nothing is promoted until a person signs off.</summary>
    private sealed class SignOffJudge : IPromotionJudge
    {
        public PromotionDecision Decide(EvaluationResult challenger, EvaluationResult? champion, EvaluationResult? baseline, PromotionPolicy? policy = null) => new()
        {
            Challenger = challenger.ModelName,
            Champion = champion?.ModelName,
            Baseline = baseline?.ModelName,
            DatasetId = challenger.DatasetId,
            HoldoutCount = challenger.Count,
            Promote = false,
            Reason = "awaiting sign-off",
            Checks = [],
            DecidedAt = challenger.EvaluatedAt,
        };
    }
}
