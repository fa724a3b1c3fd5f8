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
        services.AddMlValue(o => o.RootDirectory = root)
            .UseSqlite().AddTraining().AddEvaluation().AddModelRegistry()
            .AddPredictor<Mail, BinaryPrediction>("spam-filter");
        await using var provider = services.BuildServiceProvider();

        // Collect: a content-addressed dataset, split by key hash so a mail keeps its split as data grows.
        var split = Dataset.FromRecords(mails, new DatasetProvenance { Source = "mailbox" }).Split(m => m.Id);

        // Train an ML.NET text model and the no-ML baseline through the same seam.
        var text = new TextTrainerOptions { LabelColumn = nameof(Mail.IsSpam) };
        text.TextColumns.Add(nameof(Mail.Subject));
        text.TextColumns.Add(nameof(Mail.Body));
        var data = TrainingSet<Mail>.FromRecords(split.Train.AsEnumerable(), [split.Train.Id], seed: 42);
        var trained = await MlNetTrainers.Text<Mail>(PredictionTask.BinaryClassification, text).TrainAsync(data);
        var majority = await BaselineTrainers.Majority<Mail>(PredictionTask.BinaryClassification, nameof(Mail.IsSpam)).TrainAsync(data);

        // Evaluate both on the same holdout and decide under the promotion policy.
        var formats = provider.GetRequiredService<ModelFormatRegistry>();
        var evaluator = provider.GetRequiredService<IEvaluator>();
        var holdout = new Holdout<Mail, bool>(split.Test.AsEnumerable(), m => m.IsSpam) { DatasetId = split.Test.Id, ClassNames = ["ham", "spam"] };
        using var model = formats.Load<Mail, BinaryPrediction>(trained.Artifact);
        using var baselineModel = formats.Load<Mail, BinaryPrediction>(majority.Artifact);
        var challenger = await evaluator.EvaluateBinaryAsync("sdca-text", model, holdout);
        var baseline = await evaluator.EvaluateBinaryAsync("majority", baselineModel, holdout);
        var decision = evaluator.Decide(challenger, champion: null, baseline, policy: null);

        // Register an immutable version with its lineage; promote it by compare-and-swap.
        var registry = provider.GetRequiredService<IModelRegistry>();
        var version = await registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam-filter", Artifact = trained.Artifact, TrainerName = trained.TrainerName, Seed = 42,
            TrainingDatasetIds = [split.Train.Id], EvaluationDatasetIds = [split.Test.Id], Metrics = challenger.ToMetricDictionary(),
        });
        if (decision.Promote)
        {
            await registry.SetAliasAsync("spam-filter", "champion", version.Version, expectedCurrentVersion: null, decision.ToJson());
        }

        // Serve: the predictor follows the alias and says which version answered.
        var predictor = provider.GetRequiredKeyedService<IPredictor<Mail, BinaryPrediction>>("spam-filter");
        await predictor.RefreshAsync();
        var answer = predictor.Predict(new Mail { Subject = "Make money fast", Body = "Click here to claim your prize!!!" });
        Console.WriteLine($"{decision.Reason}; spam = {answer.Value.PredictedLabel} (version {answer.Version})");
        #endregion

        Assert.IsTrue(decision.Promote, decision.ToMarkdown());
        Assert.AreEqual(1, answer.Version);
        Assert.AreEqual("spam-filter", answer.ModelName);
    }
}
