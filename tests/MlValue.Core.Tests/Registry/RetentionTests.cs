using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class RetentionTests
{
    private RegistryFixture _fixture = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new RegistryFixture();

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    [TestMethod]
    public async Task ApplyRetentionAsync_Archive_KeepsLastNAndAliasedVersions()
    {
        for (var i = 1; i <= 6; i++)
        {
            await _fixture.RegisterAsync("spam", "v" + i);
        }

        await _fixture.Registry.SetAliasAsync("spam", "champion", 2, null, "old champion");

        var result = await _fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 3 });

        CollectionAssert.AreEqual(new[] { 1, 3 }, result.Archived.ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, result.KeptForAliases.ToArray());
        Assert.IsEmpty(result.Deleted);
        CollectionAssert.AreEqual(new[] { 2, 4, 5, 6 }, (await _fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam" })).Select(v => v.Version).ToArray());
        Assert.HasCount(6, await _fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam", IncludeArchived = true }));
        Assert.IsTrue((await _fixture.Registry.GetVersionAsync("spam", 1))!.Archived);
        Assert.IsNotNull(await _fixture.Registry.LoadArtifactAsync("spam", 1), "archived versions stay loadable");
    }

    [TestMethod]
    public async Task ApplyRetentionAsync_DeleteThenCollect_RemovesOnlyUnreferencedBlobs()
    {
        var v1 = await _fixture.RegisterAsync("spam", "shared");
        var v2 = await _fixture.RegisterAsync("spam", "only-in-v2");
        await _fixture.RegisterAsync("spam", "v3");
        await _fixture.RegisterAsync("spam", "shared");
        await _fixture.RegisterAsync("spam", "v5");

        var result = await _fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 3, Action = RetentionAction.Delete });
        var collected = await _fixture.Registry.CollectGarbageAsync();

        CollectionAssert.AreEqual(new[] { 1, 2 }, result.Deleted.ToArray());
        Assert.IsNull(await _fixture.Registry.GetVersionAsync("spam", 1));
        CollectionAssert.AreEqual(new[] { v2.ArtifactSha256 }, collected.DeletedBlobs.ToArray());
        Assert.AreEqual(3, collected.KeptBlobs);
        Assert.IsTrue(File.Exists(_fixture.BlobPath(v1.ArtifactSha256)), "the blob shared with version 4 is kept");
        Assert.AreEqual("shared", System.Text.Encoding.UTF8.GetString((await _fixture.Registry.LoadArtifactAsync("spam", 4)).Content.Span));
        Assert.AreEqual(6, (await _fixture.RegisterAsync("spam", "next")).Version, "numbers stay monotonic after deletion");
    }

    [TestMethod]
    public async Task ApplyRetentionAsync_Delete_NeverTouchesAliasedVersion()
    {
        await _fixture.RegisterAsync("spam", "1");
        await _fixture.RegisterAsync("spam", "2");
        await _fixture.Registry.SetAliasAsync("spam", "champion", 1, null, "keep me");

        var result = await _fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 1, Action = RetentionAction.Delete });
        await _fixture.Registry.CollectGarbageAsync();

        Assert.IsEmpty(result.Deleted);
        CollectionAssert.AreEqual(new[] { 1 }, result.KeptForAliases.ToArray());
        Assert.AreEqual("1", System.Text.Encoding.UTF8.GetString((await _fixture.Registry.LoadArtifactAsync("spam", 1)).Content.Span));
    }

    [TestMethod]
    public async Task ApplyRetentionAsync_KeepLastBelowOne_ThrowsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => _fixture.Registry.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 0 }));

        StringAssert.Contains(error.Message, "KeepLast must be at least 1");
    }

    [TestMethod]
    public async Task CollectGarbageAsync_StaleTempFile_RemovedOnlyAfterGracePeriod()
    {
        var version = await _fixture.RegisterAsync("spam", "1");
        var temp = Path.Combine(Path.GetDirectoryName(_fixture.BlobPath(version.ArtifactSha256))!, FileArtifactStore.TempPrefix + "left-by-a-crash");
        await File.WriteAllTextAsync(temp, "half");
        File.SetLastWriteTimeUtc(temp, _fixture.Time.GetUtcNow().UtcDateTime);

        var early = await _fixture.Registry.CollectGarbageAsync();
        _fixture.Time.Advance(TimeSpan.FromHours(2));
        var late = await _fixture.Registry.CollectGarbageAsync();

        Assert.AreEqual(0, early.RemovedTempFiles);
        Assert.AreEqual(1, late.RemovedTempFiles);
        Assert.IsFalse(File.Exists(temp));
        Assert.AreEqual(1, late.KeptBlobs);
    }
}
