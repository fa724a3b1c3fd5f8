using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;

namespace MlValue.Testing;

public abstract partial class ModelRegistryContractTests
{
    /// <summary>An intact artifact loads with its format id and the SHA-256 recorded at registration.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadArtifactAsync_Intact_ReturnsTheRecordedBytes()
    {
        var version = await RegisterAsync("spam", "model bytes");

        var artifact = await Registry.LoadArtifactAsync("spam", version.Version);

        Assert.AreEqual(version.ArtifactSha256, artifact.Sha256);
        Assert.AreEqual(version.FormatId, artifact.FormatId);
        Assert.AreEqual("model bytes", await ArtifactTextAsync("spam", version.Version));
    }

    /// <summary>A stored artifact whose bytes changed is refused with <see cref="ArtifactIntegrityException"/> naming the expected hash.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadArtifactAsync_Corrupted_ThrowsArtifactIntegrityException()
    {
        var version = await RegisterAsync("spam", "model bytes");
        await CorruptOrSkipAsync(version.ArtifactSha256);

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Registry.LoadArtifactAsync("spam", version.Version));

        var expected = version.ArtifactSha256;
        Assert.AreEqual(expected, error.ExpectedSha256);
        StringAssert.Contains(error.Message, expected);
    }

    /// <summary>A stored attachment whose bytes changed is refused like an artifact.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAttachmentAsync_Corrupted_ThrowsArtifactIntegrityException()
    {
        var registration = Registration("spam", "m");
        var version = await Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = registration.Artifact,
            TrainerName = "t",
            TrainingDatasetIds = ["ds-train"],
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = "profile"u8.ToArray() },
        });
        await CorruptOrSkipAsync(version.Attachments["reference-profile"]);

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Registry.LoadAttachmentAsync("spam", version.Version, "reference-profile"));

        var expected = version.Attachments["reference-profile"];
        Assert.AreEqual(expected, error.ExpectedSha256);
    }

    /// <summary>Registering the same artifact again repairs a damaged blob: the new version and the old one load.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_SameArtifactAfterDamage_RepairsTheBlob()
    {
        var version = await RegisterAsync("spam", "model bytes");
        await CorruptOrSkipAsync(version.ArtifactSha256);

        var again = await RegisterAsync("spam", "model bytes");

        Assert.AreEqual("model bytes", await ArtifactTextAsync("spam", again.Version));
        Assert.AreEqual("model bytes", await ArtifactTextAsync("spam", version.Version));
    }
}
