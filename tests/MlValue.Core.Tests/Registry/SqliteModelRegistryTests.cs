using Microsoft.Data.Sqlite;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class SqliteModelRegistryTests : RegistryTestsBase
{
    [TestMethod]
    public async Task RegisterAsync_SeveralVersions_NumbersAreMonotonicPerModel()
    {
        var a1 = await Fixture.RegisterAsync("spam", "a1");
        var b1 = await Fixture.RegisterAsync("fraud", "b1");
        var a2 = await Fixture.RegisterAsync("spam", "a2");
        var a3 = await Fixture.RegisterAsync("spam", "a1");

        Assert.AreEqual(1, a1.Version);
        Assert.AreEqual(1, b1.Version);
        Assert.AreEqual(2, a2.Version);
        Assert.AreEqual(3, a3.Version);
        Assert.AreEqual(a1.ArtifactSha256, a3.ArtifactSha256, "identical content shares one blob");
    }

    [TestMethod]
    public async Task RegisterAsync_RecordsLineageAndCreatedAtFromTimeProvider()
    {
        var registration = new ModelRegistration
        {
            ModelName = "spam",
            Artifact = new ModelArtifact("mlnet-zip", "zip bytes"u8),
            TrainerName = "sdca-logistic",
            Hyperparameters = new Dictionary<string, string> { ["l2"] = "0.01", ["iterations"] = "20" },
            Seed = 42,
            TrainingDatasetIds = ["ds-train"],
            EvaluationDatasetIds = ["ds-eval"],
            Metrics = new Dictionary<string, double> { ["auc"] = 0.97 },
            Tags = new Dictionary<string, string> { ["team"] = "mail" },
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = "profile"u8.ToArray() },
            CodeVersion = "2.4.1+abc",
        };

        var version = await Fixture.Registry.RegisterAsync(registration);
        var read = await Fixture.Registry.GetVersionAsync("spam", 1);

        Assert.IsNotNull(read);
        Assert.AreEqual(Fixture.Time.GetUtcNow(), read.CreatedAt);
        Assert.AreEqual("2.4.1+abc", read.CodeVersion);
        Assert.AreEqual(42, read.Seed);
        Assert.AreEqual("0.01", read.Hyperparameters["l2"]);
        CollectionAssert.AreEqual(new[] { "ds-train" }, read.TrainingDatasetIds.ToArray());
        CollectionAssert.AreEqual(new[] { "ds-eval" }, read.EvaluationDatasetIds.ToArray());
        Assert.AreEqual(0.97, read.Metrics["auc"]);
        Assert.AreEqual("mail", read.Tags["team"]);
        Assert.AreEqual(registration.Artifact.Sha256, read.ArtifactSha256);
        Assert.AreEqual(version.Attachments["reference-profile"], read.Attachments["reference-profile"]);
        CollectionAssert.AreEqual("profile"u8.ToArray(), await Fixture.Registry.LoadAttachmentAsync("spam", 1, "reference-profile"));
        Assert.IsNull(await Fixture.Registry.LoadAttachmentAsync("spam", 1, "absent"));
    }

    [TestMethod]
    public async Task RegisterAsync_NoCodeVersionGiven_UsesTheRegistryDefault()
    {
        var version = await Fixture.RegisterAsync("spam", "x");

        Assert.AreEqual("1.0.0-test", version.CodeVersion);
    }

    [TestMethod]
    public async Task Versions_AreImmutable_DirectUpdateAndDuplicateInsertFail()
    {
        var v1 = await Fixture.RegisterAsync("spam", "original");
        await Fixture.RegisterAsync("spam", "second");

        using (var connection = Fixture.OpenDatabase())
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE model_versions SET artifact_sha256 = 'x', trainer_name = 'other' WHERE version = 1";
            var error = Assert.ThrowsExactly<SqliteException>(() => update.ExecuteNonQuery());
            StringAssert.Contains(error.Message, "immutable");

            using var insert = connection.CreateCommand();
            insert.CommandText = RegistrySql.InsertVersion;
            foreach (var (name, value) in new (string, object)[] { ("$model", "spam"), ("$version", 1), ("$format", "f"), ("$sha", "s"), ("$size", 1), ("$trainer", "t"), ("$hyper", "{}"), ("$seed", DBNull.Value), ("$train", "[]"), ("$eval", "[]"), ("$parent", DBNull.Value), ("$code", "c"), ("$created", "x") })
            {
                insert.Parameters.AddWithValue(name, value);
            }

            Assert.ThrowsExactly<SqliteException>(() => insert.ExecuteNonQuery());
        }

        var reread = await Fixture.Registry.GetVersionAsync("spam", 1);
        Assert.AreEqual(v1.ArtifactSha256, reread!.ArtifactSha256);
        Assert.AreEqual("sdca-logistic", reread.TrainerName);
        Assert.AreEqual("original", System.Text.Encoding.UTF8.GetString((await Fixture.Registry.LoadArtifactAsync("spam", 1)).Content.Span));
    }

    [TestMethod]
    public async Task RegisterAsync_ParentNotEarlier_ThrowsNamingModelAndParent()
    {
        await Fixture.RegisterAsync("spam", "x");
        var registration = RegistryFixture.Registration("spam", "y");

        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.RegisterAsync(new ModelRegistration { ModelName = "spam", Artifact = registration.Artifact, TrainerName = "t", TrainingDatasetIds = ["ds-train"], ParentVersion = 5 }));

        StringAssert.Contains(error.Message, "parent version 5");
        Assert.IsNull(await Fixture.Registry.GetVersionAsync("spam", 2), "a rejected registration leaves no version");
    }

    [TestMethod]
    [DataRow(double.NaN)]
    [DataRow(double.PositiveInfinity)]
    public async Task RegisterAsync_NonFiniteMetric_ThrowsNamingTheMetric(double value)
    {
        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.RegisterAsync(RegistryFixture.Registration("spam", "x", m => m["f1"] = value)));

        StringAssert.Contains(error.Message, "metric 'f1'");
    }

    [TestMethod]
    public async Task SearchAsync_ByNameTagAliasAndMetric_ReturnsMatchingVersions()
    {
        await Fixture.RegisterAsync("spam", "1", 0.80, new Dictionary<string, string> { ["stage"] = "dev" });
        await Fixture.RegisterAsync("spam", "2", 0.91, new Dictionary<string, string> { ["stage"] = "prod" });
        await Fixture.RegisterAsync("spam", "3", 0.95);
        await Fixture.RegisterAsync("fraud", "4", 0.99, new Dictionary<string, string> { ["stage"] = "prod" });
        await Fixture.Registry.SetAliasAsync("spam", "champion", 2, null, "first champion");

        static int[] Numbers(IReadOnlyList<ModelVersion> found) => [.. found.Select(v => v.Version)];

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, Numbers(await Fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam" })));
        CollectionAssert.AreEqual(new[] { "fraud", "spam" }, (await Fixture.Registry.SearchAsync(new ModelQuery { TagKey = "stage", TagValue = "prod" })).Select(v => v.ModelName).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2 }, Numbers(await Fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam", TagKey = "stage" })));
        CollectionAssert.AreEqual(new[] { 2 }, Numbers(await Fixture.Registry.SearchAsync(new ModelQuery { Alias = "champion" })));
        CollectionAssert.AreEqual(new[] { 2, 3 }, Numbers(await Fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam", MetricName = "auc", MinMetricValue = 0.9 })));
        Assert.HasCount(4, await Fixture.Registry.SearchAsync(new ModelQuery()));
        Assert.IsEmpty(await Fixture.Registry.SearchAsync(new ModelQuery { MetricName = "f1" }));
    }

    [TestMethod]
    public async Task GetVersionAsync_Unknown_ReturnsNullAndLoadThrowsNamingVersion()
    {
        await Fixture.RegisterAsync("spam", "1");

        Assert.IsNull(await Fixture.Registry.GetVersionAsync("spam", 9));
        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.LoadArtifactAsync("spam", 9));
        StringAssert.Contains(error.Message, "Model 'spam' has no version 9");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public async Task RegisterAsync_NoTrainingDatasetIds_RefusesNamingHowToSupplyThem(int blank)
    {
        var registration = RegistryFixture.Registration("spam", "m");

        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = blank == 0 ? [] : ["ds-train", " "],
        }));

        StringAssert.Contains(error.Message, "names no training dataset");
        StringAssert.Contains(error.Message, "Set ModelRegistration.TrainingDatasetIds");
        Assert.IsNull(await Fixture.Registry.GetVersionAsync("spam", 1), "a refused registration leaves no version");
    }
}
