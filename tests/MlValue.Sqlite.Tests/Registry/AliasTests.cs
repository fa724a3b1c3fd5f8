using MlValue.Registry;
using MlValue.Tests.Support;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class AliasTests : RegistryTestsBase
{
    [TestMethod]
    public async Task SetAliasAsync_StaleExpectation_ThrowsConflictWithExpectedActualAndRetryAdvice()
    {
        await Fixture.RegisterAsync("spam", "1");
        await Fixture.RegisterAsync("spam", "2");
        await Fixture.RegisterAsync("spam", "3");
        await Fixture.Registry.SetAliasAsync("spam", "champion", 2, null, "first");

        var error = await Assert.ThrowsExactlyAsync<AliasConflictException>(() => Fixture.Registry.SetAliasAsync("spam", "champion", 3, 1, "stale"));

        StringAssert.Contains(error.Message, "expected it to point to version 1, but it points to version 2");
        StringAssert.Contains(error.Message, "retry with expectedCurrentVersion = version 2");
        Assert.AreEqual(2, (await Fixture.Registry.GetByAliasAsync("spam", "champion"))!.Version);
        Assert.HasCount(1, await Fixture.Registry.GetAliasHistoryAsync("spam", "champion"));
    }

    [TestMethod]
    public async Task SetAliasAsync_UnknownVersion_ThrowsAndDoesNotMove()
    {
        await Fixture.RegisterAsync("spam", "1");

        var error = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.SetAliasAsync("spam", "champion", 7, null, "typo"));

        StringAssert.Contains(error.Message, "no version 7");
        Assert.IsNull(await Fixture.Registry.GetByAliasAsync("spam", "champion"));
    }

    [TestMethod]
    public async Task RollbackAliasAsync_NothingEarlier_ThrowsExplaining()
    {
        await Fixture.RegisterAsync("spam", "1");

        var never = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.RollbackAliasAsync("spam", "champion", "why"));
        await Fixture.Registry.SetAliasAsync("spam", "champion", 1, null, "first");
        var first = await Assert.ThrowsExactlyAsync<ModelRegistryException>(() => Fixture.Registry.RollbackAliasAsync("spam", "champion", "why"));

        StringAssert.Contains(never.Message, "never been set");
        StringAssert.Contains(first.Message, "no earlier version to roll back to");
    }

    [TestMethod]
    public async Task Snapshot_AliasHistory_ReadsAsDocumentation()
    {
        await Fixture.RegisterAsync("spam-filter", "1");
        await Fixture.RegisterAsync("spam-filter", "2");
        await Fixture.RegisterAsync("spam-filter", "3");
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 1, null, "baseline: first model beats the keyword rules (auc 0.91 vs 0.74)");
        Fixture.Time.Advance(TimeSpan.FromDays(1));
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 2, 1, "promoted: auc 0.95 vs 0.91, p = 0.003 | min gain 0.01");
        Fixture.Time.Advance(TimeSpan.FromHours(3));
        await Fixture.Registry.RollbackAliasAsync("spam-filter", "champion", "rollback: false positives doubled in serving");
        Fixture.Time.Advance(TimeSpan.FromDays(2));
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 3, 1, "promoted: auc 0.96 vs 0.91 after retraining on new labels");

        var history = await Fixture.Registry.GetAliasHistoryAsync("spam-filter", "champion");

        Snapshot.Verify(RegistryMarkdown.AliasHistory("spam-filter", "champion", history));
    }
}
