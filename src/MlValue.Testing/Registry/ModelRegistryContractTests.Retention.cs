using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;

namespace MlValue.Testing;

public abstract partial class ModelRegistryContractTests
{
    /// <summary>Archiving keeps the newest N and every aliased version visible; archived versions stay readable and loadable.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ApplyRetentionAsync_Archive_KeepsLastNAndAliasedVersions()
    {
        for (var i = 1; i <= 6; i++)
        {
            await RegisterAsync("spam", "v" + i);
        }

        await Registry.SetAliasAsync("spam", "champion", 2, null, "old champion");

        var result = await Maintenance.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 3 });

        CollectionAssert.AreEqual(new[] { 1, 3 }, result.Archived.ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, result.KeptForAliases.ToArray());
        Assert.IsEmpty(result.Deleted);
        CollectionAssert.AreEqual(new[] { 2, 4, 5, 6 }, (await Registry.SearchAsync(new ModelQuery { ModelName = "spam" })).Select(v => v.Version).ToArray());
        Assert.HasCount(6, await Registry.SearchAsync(new ModelQuery { ModelName = "spam", IncludeArchived = true }));
        Assert.IsTrue((await Registry.GetVersionAsync("spam", 1))!.Archived);
        Assert.AreEqual("v1", await ArtifactTextAsync("spam", 1), "archived versions stay loadable");
    }

    /// <summary>Deleting never touches a version an alias points to, and garbage collection keeps its blob.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ApplyRetentionAsync_Delete_NeverTouchesAliasedVersions()
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");
        await RegisterAsync("spam", "3");
        await Registry.SetAliasAsync("spam", "champion", 1, null, "keep me");

        var result = await Maintenance.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 1, Action = RetentionAction.Delete });
        await Maintenance.CollectGarbageAsync();

        CollectionAssert.AreEqual(new[] { 2 }, result.Deleted.ToArray());
        CollectionAssert.AreEqual(new[] { 1 }, result.KeptForAliases.ToArray());
        Assert.AreEqual("1", await ArtifactTextAsync("spam", 1));
        Assert.AreEqual(1, (await Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }

    /// <summary>Garbage collection deletes only blobs no remaining version or attachment refers to; a shared blob is kept.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task CollectGarbageAsync_AfterDelete_RemovesOnlyUnreferencedBlobs()
    {
        await RegisterAsync("spam", "shared");
        var v2 = await RegisterAsync("spam", "only-in-v2");
        await RegisterAsync("spam", "v3");
        await RegisterAsync("spam", "shared");
        await RegisterAsync("spam", "v5");

        var result = await Maintenance.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 3, Action = RetentionAction.Delete });
        var collected = await Maintenance.CollectGarbageAsync();

        CollectionAssert.AreEqual(new[] { 1, 2 }, result.Deleted.ToArray());
        Assert.IsNull(await Registry.GetVersionAsync("spam", 1));
        CollectionAssert.AreEqual(new[] { v2.ArtifactSha256 }, collected.DeletedBlobs.ToArray());
        Assert.AreEqual(3, collected.KeptBlobs);
        Assert.AreEqual("shared", await ArtifactTextAsync("spam", 4), "the blob shared with a deleted version is kept");
        Assert.IsEmpty((await Maintenance.CollectGarbageAsync()).DeletedBlobs, "a second collection finds nothing");
    }

    /// <summary>Numbers are never reused: after the newest versions' predecessors are deleted, the next number continues.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RegisterAsync_AfterDeletion_NumbersStayMonotonic()
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");
        await Maintenance.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 1, Action = RetentionAction.Delete });

        Assert.AreEqual(3, (await RegisterAsync("spam", "3")).Version);
    }

    /// <summary>A policy that would keep nothing is refused.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ApplyRetentionAsync_KeepLastBelowOne_Throws()
    {
        await RegisterAsync("spam", "1");

        await Assert.ThrowsAsync<ModelRegistryException>(() => Maintenance.ApplyRetentionAsync("spam", new RetentionPolicy { KeepLast = 0 }));

        Assert.IsNotNull(await Registry.GetVersionAsync("spam", 1));
    }

    /// <summary>A version's lineage lists the alias moves that pointed at it; the model's aliases name their versions.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task GetLineageAsync_AfterPromotions_ListsTheMovesToThatVersion()
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");
        await Registry.SetAliasAsync("spam", "champion", 1, null, "baseline");
        await Registry.SetAliasAsync("spam", "challenger", 2, null, "new");
        Time.Advance(TimeSpan.FromHours(1));
        await Registry.SetAliasAsync("spam", "champion", 2, 1, "promoted");

        var lineage = await Maintenance.GetLineageAsync("spam", 2);
        var aliases = await Maintenance.GetAliasesAsync("spam");

        Assert.IsNotNull(lineage);
        Assert.AreEqual(2, lineage.Version.Version);
        CollectionAssert.AreEqual(new[] { "new", "promoted" }, lineage.Promotions.Select(m => m.Reason).ToArray());
        Assert.AreEqual(2, aliases["champion"]);
        Assert.AreEqual(2, aliases["challenger"]);
        Assert.IsNull(await Maintenance.GetLineageAsync("spam", 9));
    }
}
