using MlValue.Registry;

namespace MlValue.Tests.Registry;

/// <summary>A blob path that is a link, a device, a directory or a longer file is refused without reading it whole, and re-registering repairs it.</summary>
[TestClass]
public sealed class DamagedArtifactTests : RegistryTestsBase
{
    [TestMethod]
    public async Task LoadArtifactAsync_BlobIsSymlinkToDevZero_ThrowsIntegrityErrorWithoutReadingIt()
    {
        var (version, path) = await RegisterWithBlobLinkedToDevZeroAsync();

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadArtifactAsync("spam", 1));

        StringAssert.Contains(error.Message, "model 'spam' version 1");
        StringAssert.Contains(error.Message, "symbolic link");
        StringAssert.Contains(error.Message, "/dev/zero");
    }

    [TestMethod]
    public async Task LoadArtifactAsync_BlobLongerThanRecorded_ThrowsSayingTheRecordedSize()
    {
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        await File.WriteAllBytesAsync(Fixture.BlobPath(version.ArtifactSha256), new byte[1 << 20]);

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadArtifactAsync("spam", 1));

        StringAssert.Contains(error.Message, "holds 1048576 bytes, not the 11 recorded");
    }

    [TestMethod]
    public async Task LoadArtifactAsync_BlobPathIsDirectory_ThrowsIntegrityErrorNamingIt()
    {
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        var path = Fixture.BlobPath(version.ArtifactSha256);
        File.Delete(path);
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Registry.LoadArtifactAsync("spam", 1));

        StringAssert.Contains(error.Message, "model 'spam' version 1");
        StringAssert.Contains(error.Message, "is a directory");
        StringAssert.Contains(error.Message, "register the same artifact again");
    }

    [TestMethod]
    public async Task RegisterAsync_SameBytesWhileBlobPathIsDirectory_RepairsTheBlob()
    {
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        var path = Fixture.BlobPath(version.ArtifactSha256);
        File.Delete(path);
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        var again = await Fixture.RegisterAsync("spam", "model bytes");

        Assert.AreEqual(version.ArtifactSha256, again.ArtifactSha256);
        Assert.AreEqual(version.ArtifactSha256, (await Fixture.Registry.LoadArtifactAsync("spam", 1)).Sha256);
        Assert.IsTrue(File.Exists(path));
    }

    [TestMethod]
    public async Task RegisterAsync_SameBytesWhileBlobIsSymlinkToDevZero_RepairsTheBlob()
    {
        var (version, path) = await RegisterWithBlobLinkedToDevZeroAsync();

        await Fixture.RegisterAsync("spam", "model bytes");

        Assert.IsNull(new FileInfo(path).LinkTarget, "the link was replaced by a regular file");
        Assert.AreEqual(version.ArtifactSha256, (await Fixture.Registry.LoadArtifactAsync("spam", 1)).Sha256);
    }

    [TestMethod]
    public async Task CollectGarbageAsync_RacingARegistrationOfTheSameBytes_NeverLeavesAVersionWithoutItsBlob()
    {
        var racing = new RacingStore(Fixture.Store);
        var registry = new SqliteModelRegistry(Fixture.Settings, racing, Fixture.Time);
        var first = await registry.RegisterAsync(RegistryFixture.Registration("spam", "shared bytes"));
        await registry.RegisterAsync(RegistryFixture.Registration("spam", "newer bytes"));
        await registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 1, Action = RetentionAction.Delete });
        var collected = new List<string>();
        racing.AfterWrite = async () => collected.AddRange((await registry.CollectGarbageAsync()).DeletedBlobs);

        var version = await registry.RegisterAsync(RegistryFixture.Registration("spam", "shared bytes"));

        CollectionAssert.Contains(collected, first.ArtifactSha256, "garbage collection deleted the blob between its write and the registration's transaction");
        Assert.AreEqual(first.ArtifactSha256, version.ArtifactSha256);
        Assert.AreEqual(version.ArtifactSha256, (await registry.LoadArtifactAsync("spam", version.Version)).Sha256);
        Assert.AreEqual(0, (await registry.CollectGarbageAsync()).DeletedBlobs.Count);
    }

    /// <summary>Registers version 1 of "spam" and replaces its blob with a link to an endless device.</summary>
    private async Task<(ModelVersion Version, string BlobPath)> RegisterWithBlobLinkedToDevZeroAsync()
    {
        // The tests run on Linux (CI included), where /dev/zero is an endless device.
        var version = await Fixture.RegisterAsync("spam", "model bytes");
        var path = Fixture.BlobPath(version.ArtifactSha256);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/dev/zero");
        return (version, path);
    }
}
