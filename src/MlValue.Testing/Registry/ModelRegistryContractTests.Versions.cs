using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Testing;

public abstract partial class ModelRegistryContractTests
{
    /// <summary>Version numbers start at 1 and grow by one per model name, independently for each model.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_SeveralModels_NumbersStartAtOneAndGrowPerModel()
    {
        var a1 = await RegisterAsync("spam", "a1");
        var b1 = await RegisterAsync("fraud", "b1");
        var a2 = await RegisterAsync("spam", "a2");
        var a3 = await RegisterAsync("spam", "a1");

        Assert.AreEqual(1, a1.Version);
        Assert.AreEqual(1, b1.Version);
        Assert.AreEqual(2, a2.Version);
        Assert.AreEqual(3, a3.Version);
        Assert.AreEqual(a1.ArtifactSha256, a3.ArtifactSha256, "identical content has the same address");
    }

    /// <summary>A registered version reads back with its lineage, the registry's clock as its creation time and the artifact's SHA-256.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_FullRegistration_ReadsBackWithLineageAndCreatedAtFromTheClock()
    {
        var registration = new ModelRegistration
        {
            ModelName = "spam",
            Artifact = new ModelArtifact("contract-bytes", "model bytes"u8),
            TrainerName = "sdca-logistic",
            Hyperparameters = new Dictionary<string, string> { ["l2"] = "0.01" },
            Seed = 42,
            TrainingDatasetIds = ["ds-train"],
            EvaluationDatasetIds = ["ds-eval"],
            Metrics = new Dictionary<string, double> { ["auc"] = 0.97 },
            Tags = new Dictionary<string, string> { ["team"] = "mail" },
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = "profile"u8.ToArray() },
            CodeVersion = "2.4.1+abc",
        };

        var registered = await Registry.RegisterAsync(registration);
        var read = await Registry.GetVersionAsync("spam", registered.Version);

        Assert.IsNotNull(read);
        Assert.AreEqual(Time.GetUtcNow(), read.CreatedAt);
        Assert.AreEqual(registration.Artifact.Sha256, read.ArtifactSha256);
        Assert.AreEqual(registration.Artifact.Content.Length, read.ArtifactSize);
        Assert.AreEqual("contract-bytes", read.FormatId);
        Assert.AreEqual("sdca-logistic", read.TrainerName);
        Assert.AreEqual("0.01", read.Hyperparameters["l2"]);
        Assert.AreEqual(42, read.Seed);
        CollectionAssert.AreEqual(new[] { "ds-train" }, read.TrainingDatasetIds.ToArray());
        CollectionAssert.AreEqual(new[] { "ds-eval" }, read.EvaluationDatasetIds.ToArray());
        Assert.AreEqual(0.97, read.Metrics["auc"]);
        Assert.AreEqual("mail", read.Tags["team"]);
        Assert.AreEqual("2.4.1+abc", read.CodeVersion);
        Assert.IsFalse(read.Archived);
        CollectionAssert.AreEqual("profile"u8.ToArray(), await Registry.LoadAttachmentAsync("spam", 1, "reference-profile"));
        Assert.IsNull(await Registry.LoadAttachmentAsync("spam", 1, "absent"));
    }

    /// <summary>A version does not change afterwards: not by later registrations, nor by changing the collections it was registered from.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_LaterRegistrationsAndChangedInputs_EarlierVersionUnchanged()
    {
        var tags = new Dictionary<string, string> { ["stage"] = "dev" };
        var metrics = new Dictionary<string, double> { ["auc"] = 0.8 };
        var first = await Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam", Artifact = new ModelArtifact("contract-bytes", "original"u8), TrainerName = "t",
            TrainingDatasetIds = ["ds-train"], Tags = tags, Metrics = metrics,
        });
        tags["stage"] = "prod";
        metrics["auc"] = 0.99;
        Time.Advance(TimeSpan.FromHours(1));
        await RegisterAsync("spam", "second");

        var read = await Registry.GetVersionAsync("spam", 1);

        Assert.IsNotNull(read);
        Assert.AreEqual(first.ArtifactSha256, read.ArtifactSha256);
        Assert.AreEqual(first.CreatedAt, read.CreatedAt);
        Assert.AreEqual("dev", read.Tags["stage"]);
        Assert.AreEqual(0.8, read.Metrics["auc"]);
        Assert.AreEqual("original", await ArtifactTextAsync("spam", 1));
    }

    /// <summary>A registration without training-data lineage (no id, or a blank one) is refused and leaves no version.</summary>
    /// <param name="blank">0: no dataset id; 1: one blank id beside a real one.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public async Task RegisterAsync_NoTrainingDatasetIds_IsRefusedAndLeavesNoVersion(int blank)
    {
        var registration = Registration("spam", "m");

        var error = await Assert.ThrowsAsync<ModelRegistryException>(() => Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = blank == 0 ? [] : ["ds-train", " "],
        }));

        StringAssert.Contains(error.Message, "TrainingDatasetIds");
        Assert.IsNull(await Registry.GetVersionAsync("spam", 1), "a refused registration leaves no version");
    }

    /// <summary>An unknown version reads as null and loading it raises <see cref="ModelRegistryException"/>.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task GetVersionAsync_UnknownVersion_ReturnsNullAndLoadThrows()
    {
        await RegisterAsync("spam", "1");

        Assert.IsNull(await Registry.GetVersionAsync("spam", 9));
        Assert.IsNull(await Registry.GetVersionAsync("other", 1));
        await Assert.ThrowsAsync<ModelRegistryException>(() => Registry.LoadArtifactAsync("spam", 9));
    }

    /// <summary>Registrations racing from many tasks get distinct, consecutive numbers 1..n, and each loads its own artifact.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_ConcurrentRegistrations_NumbersAreDistinctAndConsecutive()
    {
        const int count = 16;
        var versions = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => Registry.RegisterAsync(Registration("race", "content-" + i)))));

        CollectionAssert.AreEqual(Enumerable.Range(1, count).ToArray(), versions.Select(v => v.Version).Order().ToArray());
        foreach (var version in versions)
        {
            var artifact = await Registry.LoadArtifactAsync("race", version.Version);
            Assert.AreEqual(version.ArtifactSha256, artifact.Sha256);
        }
    }

    /// <summary>Search filters by model, tag, alias and metric, orders by model then version, and hides archived versions by default.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SearchAsync_ByNameTagAliasAndMetric_ReturnsMatchingVersionsInOrder()
    {
        await Registry.RegisterAsync(Tagged("spam", "1", 0.80, "dev"));
        await Registry.RegisterAsync(Tagged("spam", "2", 0.91, "prod"));
        await Registry.RegisterAsync(Tagged("spam", "3", 0.95, null));
        await Registry.RegisterAsync(Tagged("fraud", "4", 0.99, "prod"));
        await Registry.SetAliasAsync("spam", "champion", 2, null, "first champion");

        static int[] Numbers(IReadOnlyList<ModelVersion> found) => [.. found.Select(v => v.Version)];

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, Numbers(await Registry.SearchAsync(new ModelQuery { ModelName = "spam" })));
        CollectionAssert.AreEqual(new[] { "fraud", "spam" }, (await Registry.SearchAsync(new ModelQuery { TagKey = "stage", TagValue = "prod" })).Select(v => v.ModelName).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2 }, Numbers(await Registry.SearchAsync(new ModelQuery { ModelName = "spam", TagKey = "stage" })));
        CollectionAssert.AreEqual(new[] { 2 }, Numbers(await Registry.SearchAsync(new ModelQuery { Alias = "champion" })));
        CollectionAssert.AreEqual(new[] { 2, 3 }, Numbers(await Registry.SearchAsync(new ModelQuery { ModelName = "spam", MetricName = "auc", MinMetricValue = 0.9 })));
        Assert.HasCount(4, await Registry.SearchAsync(new ModelQuery()));
        Assert.IsEmpty(await Registry.SearchAsync(new ModelQuery { MetricName = "f1" }));
    }

    private static ModelRegistration Tagged(string model, string content, double auc, string? stage)
    {
        var registration = Registration(model, content);
        return new ModelRegistration
        {
            ModelName = model, Artifact = registration.Artifact, TrainerName = registration.TrainerName, TrainingDatasetIds = registration.TrainingDatasetIds,
            Metrics = new Dictionary<string, double> { ["auc"] = auc },
            Tags = stage is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["stage"] = stage },
        };
    }
}
