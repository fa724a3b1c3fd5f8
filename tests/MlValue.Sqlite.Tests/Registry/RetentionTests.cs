using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class RetentionTests : RegistryTestsBase
{
    [TestMethod]
    public async Task ApplyRetentionAsync_DeleteThenCollect_RemovesOnlyUnreferencedBlobs()
    {
        var v1 = await Fixture.RegisterAsync("spam", "shared");
        var v2 = await Fixture.RegisterAsync("spam", "only-in-v2");
        await Fixture.RegisterAsync("spam", "v3");
        await Fixture.RegisterAsync("spam", "shared");
        await Fixture.RegisterAsync("spam", "v5");

        var result = await Fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 3, Action = RetentionAction.Delete });
        var collected = await Fixture.Registry.CollectGarbageAsync();

        CollectionAssert.AreEqual(new[] { 1, 2 }, result.Deleted.ToArray());
        Assert.IsNull(await Fixture.Registry.GetVersionAsync("spam", 1));
        CollectionAssert.AreEqual(new[] { v2.ArtifactSha256 }, collected.DeletedBlobs.ToArray());
        Assert.AreEqual(3, collected.KeptBlobs);
        Assert.IsTrue(File.Exists(Fixture.BlobPath(v1.ArtifactSha256)), "the blob shared with version 4 is kept");
        Assert.AreEqual("shared", System.Text.Encoding.UTF8.GetString((await Fixture.Registry.LoadArtifactAsync("spam", 4)).Content.Span));
        Assert.AreEqual(6, (await Fixture.RegisterAsync("spam", "next")).Version, "numbers stay monotonic after deletion");
    }

    [TestMethod]
    public async Task ApplyRetentionAsync_KeepLastBelowOne_ThrowsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 0 }));

        StringAssert.Contains(error.Message, "KeepLast must be at least 1");
    }

    [TestMethod]
    public async Task CollectGarbageAsync_StaleTempFile_RemovedOnlyAfterGracePeriod()
    {
        var version = await Fixture.RegisterAsync("spam", "1");
        var temp = Path.Combine(Path.GetDirectoryName(Fixture.BlobPath(version.ArtifactSha256))!, FileArtifactStore.TempPrefix + "left-by-a-crash");
        await File.WriteAllTextAsync(temp, "half");
        File.SetLastWriteTimeUtc(temp, Fixture.Time.GetUtcNow().UtcDateTime);

        var early = await Fixture.Registry.CollectGarbageAsync();
        Fixture.Time.Advance(TimeSpan.FromHours(2));
        var late = await Fixture.Registry.CollectGarbageAsync();

        Assert.AreEqual(0, early.RemovedTempFiles);
        Assert.AreEqual(1, late.RemovedTempFiles);
        Assert.IsFalse(File.Exists(temp));
        Assert.AreEqual(1, late.KeptBlobs);
    }
}
