using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlValue.Diagnostics;
using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class IntegrityTests : RegistryTestsBase
{
    [TestMethod]
    public async Task LoadArtifactAsync_Corrupted_ThrowsNamingModelVersionAndBothHashes()
    {
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        await File.WriteAllTextAsync(Fixture.BlobPath(version.ArtifactSha256), "model bytez");
        using var failures = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.registry.integrity_failures");

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadArtifactAsync("spam", 1));

        StringAssert.Contains(error.Message, "model 'spam' version 1");
        StringAssert.Contains(error.Message, "expected SHA-256 " + version.ArtifactSha256);
        Assert.IsNotNull(error.ActualSha256);
        StringAssert.Contains(error.Message, "actual " + error.ActualSha256);
        Assert.AreEqual(1, failures.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [TestMethod]
    public async Task LoadArtifactAsync_Missing_ThrowsNamingModelVersionAndExpectedHash()
    {
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        File.Delete(Fixture.BlobPath(version.ArtifactSha256));

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadArtifactAsync("spam", 1));

        StringAssert.Contains(error.Message, "model 'spam' version 1");
        StringAssert.Contains(error.Message, "the blob is missing");
        var expected = version.ArtifactSha256;
        Assert.AreEqual(expected, error.ExpectedSha256);
    }

    [TestMethod]
    public async Task LoadAttachmentAsync_Corrupted_ThrowsNamingTheAttachment()
    {
        var registration = RegistryFixture.Registration("spam", "m");
        var version = await Fixture.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = ["ds-train"],
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = "profile"u8.ToArray() },
        });
        await File.WriteAllTextAsync(Fixture.BlobPath(version.Attachments["reference-profile"]), "other");

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadAttachmentAsync("spam", 1, "reference-profile"));

        StringAssert.Contains(error.Message, "attachment 'reference-profile' of model 'spam' version 1");
    }

    [TestMethod]
    public async Task Counters_RegisterAndMove_AreRecorded()
    {
        using var registered = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.registry.versions_registered");
        using var moves = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.registry.alias_moves");

        await Fixture.RegisterAsync("counted", "1");
        await Fixture.RegisterAsync("counted", "2");
        await Fixture.Registry.SetAliasAsync("counted", "champion", 1, null, "first");
        await Fixture.Registry.SetAliasAsync("counted", "champion", 2, 1, "second");
        await Fixture.Registry.RollbackAliasAsync("counted", "champion", "back");

        Assert.IsTrue(registered.GetMeasurementSnapshot().Count(m => Equals(m.Tags["mlvalue.model.name"], "counted")) == 2);
        Assert.IsTrue(moves.GetMeasurementSnapshot().Count(m => Equals(m.Tags["mlvalue.alias"], "champion")) >= 3);
    }
}
