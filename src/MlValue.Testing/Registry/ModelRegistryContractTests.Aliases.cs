using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;

namespace MlValue.Testing;

public abstract partial class ModelRegistryContractTests
{
    /// <summary>A move whose expectation matches points the alias and appends to its history, oldest first, with the clock's time.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SetAliasAsync_ExpectedMatches_MovesAndKeepsHistoryInOrder()
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");

        var first = await Registry.SetAliasAsync("spam", "champion", 1, null, "baseline");
        Time.Advance(TimeSpan.FromHours(1));
        var second = await Registry.SetAliasAsync("spam", "champion", 2, 1, "better auc");
        var history = await Registry.GetAliasHistoryAsync("spam", "champion");

        Assert.IsNull(first.FromVersion);
        Assert.AreEqual(1, second.FromVersion);
        Assert.AreEqual(Time.GetUtcNow(), second.MovedAt);
        Assert.AreEqual(2, (await Registry.GetByAliasAsync("spam", "champion"))!.Version);
        CollectionAssert.AreEqual(new[] { "baseline", "better auc" }, history.Select(m => m.Reason).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2 }, history.Select(m => m.ToVersion).ToArray());
        Assert.IsNull(await Registry.GetByAliasAsync("spam", "challenger"), "an alias never set points nowhere");
        Assert.IsEmpty(await Registry.GetAliasHistoryAsync("spam", "challenger"));
    }

    /// <summary>A move whose expected current version is not the current one raises <see cref="AliasConflictException"/> and changes nothing.</summary>
    /// <param name="expected">The stale expectation (-1: unset).</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow(-1)]
    [DataRow(1)]
    [DataRow(3)]
    public async Task SetAliasAsync_ExpectedMismatch_ThrowsAliasConflictAndDoesNotMove(int expected)
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");
        await RegisterAsync("spam", "3");
        await Registry.SetAliasAsync("spam", "champion", 2, null, "first");

        await Assert.ThrowsExactlyAsync<AliasConflictException>(() => Registry.SetAliasAsync("spam", "champion", 3, expected < 0 ? null : expected, "stale"));

        Assert.AreEqual(2, (await Registry.GetByAliasAsync("spam", "champion"))!.Version);
        Assert.HasCount(1, await Registry.GetAliasHistoryAsync("spam", "champion"));
    }

    /// <summary>Of moves racing from one expectation, exactly one wins; the others get <see cref="AliasConflictException"/>.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SetAliasAsync_ConcurrentMovesFromOneExpectation_ExactlyOneWins()
    {
        for (var i = 1; i <= 5; i++)
        {
            await RegisterAsync("spam", "v" + i);
        }

        await Registry.SetAliasAsync("spam", "champion", 1, null, "first");
        var results = await Task.WhenAll(Enumerable.Range(2, 4).Select(v => Task.Run(async () =>
        {
            try
            {
                await Registry.SetAliasAsync("spam", "champion", v, 1, "race");
                return true;
            }
            catch (AliasConflictException)
            {
                return false;
            }
        })));

        Assert.AreEqual(1, results.Count(won => won));
        Assert.HasCount(2, await Registry.GetAliasHistoryAsync("spam", "champion"));
    }

    /// <summary>An alias cannot point at a version that does not exist.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SetAliasAsync_UnknownVersion_ThrowsAndDoesNotMove()
    {
        await RegisterAsync("spam", "1");

        await Assert.ThrowsAsync<ModelRegistryException>(() => Registry.SetAliasAsync("spam", "champion", 7, null, "typo"));

        Assert.IsNull(await Registry.GetByAliasAsync("spam", "champion"));
        Assert.IsEmpty(await Registry.GetAliasHistoryAsync("spam", "champion"));
    }

    /// <summary>Rollback points the alias back to where its last move came from, in one recorded move.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RollbackAliasAsync_AfterPromotion_RestoresPreviousVersionAndRecordsTheMove()
    {
        await RegisterAsync("spam", "1");
        await RegisterAsync("spam", "2");
        await Registry.SetAliasAsync("spam", "champion", 1, null, "baseline");
        await Registry.SetAliasAsync("spam", "champion", 2, 1, "promoted");

        var move = await Registry.RollbackAliasAsync("spam", "champion", "error rate doubled");
        var history = await Registry.GetAliasHistoryAsync("spam", "champion");

        Assert.AreEqual(2, move.FromVersion);
        Assert.AreEqual(1, move.ToVersion);
        Assert.AreEqual(1, (await Registry.GetByAliasAsync("spam", "champion"))!.Version);
        CollectionAssert.AreEqual(new[] { "baseline", "promoted", "error rate doubled" }, history.Select(m => m.Reason).ToArray());
    }

    /// <summary>Rollback of an alias never set, or set only once, raises <see cref="ModelRegistryException"/>.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task RollbackAliasAsync_NothingEarlier_Throws()
    {
        await RegisterAsync("spam", "1");

        await Assert.ThrowsAsync<ModelRegistryException>(() => Registry.RollbackAliasAsync("spam", "champion", "why"));
        await Registry.SetAliasAsync("spam", "champion", 1, null, "first");
        await Assert.ThrowsAsync<ModelRegistryException>(() => Registry.RollbackAliasAsync("spam", "champion", "why"));

        Assert.AreEqual(1, (await Registry.GetByAliasAsync("spam", "champion"))!.Version);
    }
}
