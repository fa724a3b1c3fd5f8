using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Cleaning;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Tests.Quickstart;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Walkthrough;

/// <summary>docs/walkthrough.md: one record followed from the folder it arrives in to the monitor window it is counted in.</summary>
[TestClass]
public sealed class WalkthroughTests
{
    private string _root = null!;

    [TestInitialize]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("mlvalue-walkthrough-").FullName;

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public async Task Walkthrough_OneMailFromFolderToMonitor_PassesThroughEachStage()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_root, "inbox")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(inbox, "2002-08.jsonl"), SpamFixture.All.Select(m => JsonSerializer.Serialize(new Mail { Id = m.Group + "/" + m.Id, Subject = m.Subject, Body = m.Body.Length > 1000 ? m.Body[..1000] : m.Body, IsSpam = m.IsSpam })));
        var clock = new FakeTimeProvider(new DateTimeOffset(2002, 9, 2, 8, 0, 0, TimeSpan.Zero));
        var schema = new MonitorSchema<Mail>(PredictionTask.BinaryClassification).Text("subject", m => m.Subject).Text("body", m => m.Body);

        // begin-snippet: walkthrough
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddMlValue(o => o.RootDirectory = _root).UseSqlite()
            .AddFolderDataSource<Mail>("inbox", inbox, DataFileFormat.Jsonl)                  // IDataSource<Mail>
            .AddRecordCleaner<Mail>(r => r.NotEmpty(m => m.Body))                             // IRecordCleaner<Mail>
            .AddTraining().AddEvaluation().AddModelRegistry()
            .AddPredictor<Mail, BinaryPrediction>("spam-filter")                              // IPredictor<Mail, BinaryPrediction>
            .AddModelMonitor("spam-filter", schema, servedModel: "spam-filter");              // IModelMonitor<Mail>
        await using var provider = services.BuildServiceProvider();

        // Collect: DataBatch<Mail> (records + read errors) → Dataset<Mail> (content id, provenance).
        var source = provider.GetRequiredService<IDataSource<Mail>>();
        DataBatch<Mail> batch = await source.ReadAsync();
        Dataset<Mail> raw = batch.ToDataset();

        // Clean: CleanedDataset<Mail> — the clean rows as a Dataset<Mail> whose parent is the raw one, and the quarantine.
        CleanedDataset<Mail> cleaned = raw.Clean(provider.GetRequiredService<IRecordCleaner<Mail>>());
        DatasetSplit<Mail> split = cleaned.Clean.Split(m => m.Id);

        // Train: TrainingSet<Mail> (rows + dataset id + seed) → TrainedModel (artifact + lineage).
        TrainingSet<Mail> data = split.Train.ToTrainingSet(seed: 42);
        var text = new TextTrainerOptions { LabelColumn = nameof(Mail.IsSpam), TextColumns = { nameof(Mail.Subject), nameof(Mail.Body) } };
        TrainedModel trained = await MlNetTrainers.Text<Mail>(PredictionTask.BinaryClassification, text).TrainAsync(data);
        TrainedModel baseline = await BaselineTrainers.Majority<Mail>(PredictionTask.BinaryClassification, nameof(Mail.IsSpam)).TrainAsync(data);

        // Evaluate, register, promote: Holdout<Mail, bool> → PromotionOutcome (EvaluationResult, PromotionDecision, ModelVersion, AliasMove).
        PromotionOutcome outcome = await provider.GetRequiredService<PromotionStep>().RunAsync(new PromotionRequest<Mail, bool>
        {
            ModelName = "spam-filter", Challenger = trained, Baseline = baseline,
            Holdout = split.Test.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"]),
            Attachments = new Dictionary<string, byte[]>([ReferenceProfile.Build(schema, split.Train.AsEnumerable()).ToAttachment()]),
        });

        // Serve and monitor: Prediction<BinaryPrediction> (value, version, arm) → counted in a MonitorWindow.
        var predictor = provider.GetRequiredKeyedService<IPredictor<Mail, BinaryPrediction>>("spam-filter");
        Prediction<BinaryPrediction> answer = predictor.Predict(new Mail { Subject = "Cheap meds", Body = "Buy now!!!" }, new PredictionRequest { CorrelationId = "mail-1" });
        MonitorWindow window = provider.GetRequiredService<IModelMonitor<Mail>>().GetWindow(clock.GetUtcNow().AddHours(-1), clock.GetUtcNow().AddHours(1));
        // end-snippet

        Assert.IsEmpty(batch.Errors, string.Join("; ", batch.Errors));
        Assert.AreEqual(raw.Id, cleaned.Clean.Provenance.ParentIds.Single());
        Assert.AreEqual(cleaned.Clean.Count + cleaned.Quarantine.Count, raw.Count);
        Assert.AreEqual(split.Train.Id, outcome.Version.TrainingDatasetIds.Single());
        Assert.IsTrue(outcome.Decision.Promote, outcome.Decision.ToMarkdown());
        Assert.AreEqual(outcome.Version.Version, answer.Version);
        Assert.AreEqual(1, window.Records);
        Assert.AreEqual("1", window.ReferenceVersion);
    }

    [TestMethod]
    public void WalkthroughDoc_Snippet_IsTheCompiledWalkthrough()
    {
        var lines = File.ReadAllLines(SourcePath("WalkthroughTests.cs"));
        var start = Array.FindIndex(lines, l => l.Trim() == "// begin-snippet: walkthrough");
        var end = Array.FindIndex(lines, l => l.Trim() == "// end-snippet");
        var block = string.Join("\n", lines[(start + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
        var doc = File.ReadAllText(Path.Combine(SourcePath(""), "..", "..", "..", "docs", "walkthrough.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        StringAssert.Contains(doc, "```csharp\n" + block + "\n```", "docs/walkthrough.md differs from WalkthroughTests.cs: copy the snippet into the doc.");
    }

    private static string SourcePath(string file, [System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, file);
}
