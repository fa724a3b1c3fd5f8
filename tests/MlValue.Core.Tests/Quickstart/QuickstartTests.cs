using Microsoft.Extensions.DependencyInjection;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Quickstart;

/// <summary>The README's quickstart, compiled and run; <see cref="ReadmeTests"/> checks the README shows this exact code.</summary>
[TestClass]
public sealed class QuickstartTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("mlvalue-quickstart-").FullName;

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task Quickstart_TrainEvaluateRegisterServe_AnswersWithThePromotedVersion()
    {
        var root = _root;
        var mails = SpamFixture.All.Select(m => new Mail { Id = m.Group + "/" + m.Id, Subject = m.Subject, Body = m.Body.Length > 1000 ? m.Body[..1000] : m.Body, IsSpam = m.IsSpam }).ToList();

        #region quickstart
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = root).UseSqlite()
            .AddTraining().AddEvaluation().AddModelRegistry().AddPredictor<Mail, BinaryPrediction>("spam-filter");
        await using var provider = services.BuildServiceProvider();

        // Collect: a content-addressed dataset, split by key hash so a mail keeps its split as data grows.
        var split = Dataset.FromRecords(mails, new DatasetProvenance { Source = "mailbox" }).Split(m => m.Id);

        // Train an ML.NET text model and the no-ML baseline through the same seam; the dataset id travels with the rows.
        var text = new TextTrainerOptions { LabelColumn = nameof(Mail.IsSpam), TextColumns = { nameof(Mail.Subject), nameof(Mail.Body) } };
        var data = split.Train.ToTrainingSet(seed: 42);
        var trained = await MlNetTrainers.Text<Mail>(PredictionTask.BinaryClassification, text).TrainAsync(data);
        var majority = await BaselineTrainers.Majority<Mail>(PredictionTask.BinaryClassification, nameof(Mail.IsSpam)).TrainAsync(data);

        // Judge challenger, champion and baseline on one holdout; register with lineage; move the alias by CAS; refresh serving.
        var outcome = await provider.GetRequiredService<PromotionStep>().RunAsync(new PromotionRequest<Mail, bool>
        {
            ModelName = "spam-filter", Challenger = trained, Baseline = majority,
            Holdout = split.Test.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"]),
        });

        // Serve: the predictor follows the alias and says which version answered.
        var predictor = provider.GetRequiredKeyedService<IPredictor<Mail, BinaryPrediction>>("spam-filter");
        var answer = predictor.Predict(new Mail { Subject = "Make money fast", Body = "Click here to claim your prize!!!" });
        Console.WriteLine($"{outcome.Decision.Reason}; spam = {answer.Value.PredictedLabel} (version {answer.Version})");
        #endregion

        Assert.IsTrue(outcome.Decision.Promote, outcome.Decision.ToMarkdown());
        Assert.AreEqual(split.Test.Id, outcome.Version.EvaluationDatasetIds.Single());
        Assert.AreEqual(split.Train.Id, outcome.Version.TrainingDatasetIds.Single());
        Assert.AreEqual("BinaryClassification", outcome.Version.Tags[ModelRegistration.TaskTag]);
        Assert.AreEqual(1, answer.Version);
        Assert.AreEqual("spam-filter", answer.ModelName);
    }
}
