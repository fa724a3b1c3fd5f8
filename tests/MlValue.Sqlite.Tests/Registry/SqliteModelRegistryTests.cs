using Microsoft.Data.Sqlite;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class SqliteModelRegistryTests : RegistryTestsBase
{
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
