using MlValue.Registry;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class LineageTests : RegistryTestsBase
{
    [TestMethod]
    public async Task GetLineageAsync_Unknown_ReturnsNull()
    {
        Assert.IsNull(await Fixture.Registry.GetLineageAsync("spam", 1));
    }

    [TestMethod]
    public async Task GetLineageAsync_PromotedVersion_IncludesThePromotionDecision()
    {
        await Fixture.RegisterAsync("spam", "1");
        await Fixture.RegisterAsync("spam", "2");
        await Fixture.Registry.SetAliasAsync("spam", "champion", 1, null, "baseline");
        await Fixture.Registry.SetAliasAsync("spam", "challenger", 2, null, "candidate");
        await Fixture.Registry.SetAliasAsync("spam", "champion", 2, 1, "auc 0.95 vs 0.91");

        var lineage = await Fixture.Registry.GetLineageAsync("spam", 2);

        CollectionAssert.AreEqual(new[] { "candidate", "auc 0.95 vs 0.91" }, lineage!.Promotions.Select(p => p.Reason).ToArray());
    }

    [TestMethod]
    public async Task Snapshot_LineageRecord_ReadsAsDocumentation()
    {
        var spam = SpamFixture.All;
        var trainingId = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', spam.Take(200).Select(m => m.Id)))))[..16];
        var evaluationId = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', spam.Skip(200).Select(m => m.Id)))))[..16];
        await Fixture.RegisterAsync("spam-filter", "keyword baseline");
        Fixture.Time.Advance(TimeSpan.FromDays(3));
        await Fixture.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam-filter",
            Artifact = new ModelArtifact("mlnet-zip", "a trained ML.NET model"u8),
            TrainerName = "SdcaLogisticRegression",
            Hyperparameters = new Dictionary<string, string> { ["l2_regularization"] = "0.001", ["maximum_iterations"] = "50", ["featurizer"] = "text(ngrams=1-2)" },
            Seed = 42,
            TrainingDatasetIds = [trainingId],
            EvaluationDatasetIds = [evaluationId],
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9731, ["f1"] = 0.912345678, ["accuracy"] = 0.94 },
            ParentVersion = 1,
            Tags = new Dictionary<string, string> { ["corpus"] = "spamassassin-sample", ["owner"] = "mail-team" },
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = "feature histograms"u8.ToArray() },
            CodeVersion = "0.1.0+3f2c1a9",
        });
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 1, null, "baseline");
        Fixture.Time.Advance(TimeSpan.FromHours(1));
        await Fixture.Registry.SetAliasAsync("spam-filter", "challenger", 2, null, "trained on 200 labelled messages");
        Fixture.Time.Advance(TimeSpan.FromDays(1));
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 2, 1, "promoted: auc 0.973 vs 0.810 on the evaluation set, gain above the 0.01 threshold");

        var lineage = await Fixture.Registry.GetLineageAsync("spam-filter", 2);

        Snapshot.Verify(RegistryMarkdown.Lineage(lineage!));
    }
}
