using MlValue.Runs;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class SqliteRunStoreTests : RunStoreTestsBase
{
    [TestMethod]
    public async Task SaveAsync_ThenReopen_ReturnsTheSameRecord()
    {
        var store = new SqliteRunStore(DbPath);
        var created = await store.CreateAsync("spam", null, "manual", ["collect", "train"], Now);
        var saved = created with { Status = RunStatus.Failed, Attempts = 1, Steps = [created.Steps[0] with { Status = RunStatus.Succeeded, Outputs = new Dictionary<string, StepReference> { ["dataset"] = StepReference.Dataset("ds-1") } }, created.Steps[1] with { Status = RunStatus.Failed, Error = "IOException: disk" }] };
        await store.SaveAsync(saved);

        var reopened = await new SqliteRunStore(DbPath).ListAsync("spam");

        Assert.AreEqual(1, reopened.Count);
        Assert.AreEqual("run-000001", reopened[0].RunId);
        Assert.AreEqual(RunStatus.Failed, reopened[0].Status);
        Assert.AreEqual(StepReference.Dataset("ds-1"), reopened[0].Steps[0].Outputs["dataset"]);
        Assert.AreEqual("IOException: disk", reopened[0].Steps[1].Error);
    }

    [TestMethod]
    public async Task CreateAsync_NumbersRunsPerLoop_AndFindsByKey()
    {
        var store = new SqliteRunStore(DbPath);
        await store.CreateAsync("spam", "week-31", "cron", ["train"], Now);
        var second = await store.CreateAsync("spam", null, "cron", ["train"], Now);
        var other = await store.CreateAsync("flights", null, "cron", ["train"], Now);

        Assert.AreEqual("run-000002", second.RunId);
        Assert.AreEqual("run-000002", second.RunKey);
        Assert.AreEqual("run-000001", other.RunId);
        Assert.AreEqual("cron", (await store.FindByKeyAsync("spam", "week-31"))!.Reason);
        Assert.IsNull(await store.FindByKeyAsync("spam", "week-32"));
    }

    [TestMethod]
    public async Task TryAcquireLeaseAsync_TwoStoresOnOneFile_OnlyOneHoldsUntilExpiry()
    {
        var a = new SqliteRunStore(DbPath);
        var b = new SqliteRunStore(DbPath);

        Assert.IsTrue(await a.TryAcquireLeaseAsync("spam", "a", Now, TimeSpan.FromMinutes(10)));
        Assert.IsFalse(await b.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(5), TimeSpan.FromMinutes(10)));
        Assert.IsTrue(await a.TryAcquireLeaseAsync("spam", "a", Now.AddMinutes(5), TimeSpan.FromMinutes(10)));
        Assert.IsFalse(await b.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(14), TimeSpan.FromMinutes(10)));
        Assert.IsTrue(await b.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(15), TimeSpan.FromMinutes(10)));
        await b.ReleaseLeaseAsync("spam", "b");
        Assert.IsTrue(await a.TryAcquireLeaseAsync("spam", "a", Now.AddMinutes(16), TimeSpan.FromMinutes(10)));
    }

    [TestMethod]
    public async Task SaveAsync_UnknownRun_ThrowsNamingTheRun()
    {
        var store = new SqliteRunStore(DbPath);
        var ghost = RunRecordFor("run-000009");

        var error = await Assert.ThrowsExactlyAsync<RunStoreException>(() => store.SaveAsync(ghost));
        StringAssert.Contains(error.Message, "Run run-000009 of loop 'spam' does not exist");
    }

    [TestMethod]
    public void Constructor_FileIsNotADatabase_ThrowsTypedError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        File.WriteAllText(DbPath, "this is not a SQLite file, it is a note someone left here.........................................");

        var error = Assert.ThrowsExactly<RunStoreException>(() => new SqliteRunStore(DbPath));
        StringAssert.Contains(error.Message, "could not be opened");
    }

    private static RunRecord RunRecordFor(string id) => new() { RunId = id, LoopName = "spam", RunKey = id, Reason = "x", Status = RunStatus.Pending, StartedAt = Now, Steps = [] };
}
