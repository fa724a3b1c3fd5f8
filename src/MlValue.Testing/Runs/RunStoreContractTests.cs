using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Runs;

namespace MlValue.Testing;

/// <summary>
/// The guarantees every <see cref="IRunStore"/> keeps, as MSTest tests: runs numbered per loop, records that
/// round-trip through save, find-by-key and list, and a lease that one holder at a time has until it expires or is released.
/// Derive a <c>[TestClass]</c> from it and implement <see cref="CreateStoreAsync"/>. Times are explicit
/// arguments of the seam, so the suite needs no clock.
/// </summary>
public abstract partial class RunStoreContractTests
{
    /// <summary>The time the suite's runs start at and its leases are taken from: 2002-08-01 00:00 UTC.</summary>
    protected static readonly DateTimeOffset Now = new(2002, 8, 1, 0, 0, 0, TimeSpan.Zero);

    private IRunStore? _store;

    /// <summary>The store under test, created fresh for each test.</summary>
    protected IRunStore Store => _store ?? throw new InvalidOperationException("The store exists only while a test runs.");

    /// <summary>Creates an empty store over fresh backing storage.</summary>
    /// <returns>The store; disposed after the test when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>.</returns>
    protected abstract Task<IRunStore> CreateStoreAsync();

    /// <summary>Creates the store under test.</summary>
    /// <returns>A task.</returns>
    [TestInitialize]
    public async Task CreateStoreUnderTestAsync() => _store = await CreateStoreAsync();

    /// <summary>Disposes the store under test.</summary>
    /// <returns>A task.</returns>
    [TestCleanup]
    public async Task DisposeStoreUnderTestAsync()
    {
        if (_store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (_store is IDisposable disposable)
        {
            disposable.Dispose();
        }

        _store = null;
    }

    /// <summary>A new run is numbered per loop, keyed by its id when no key is given, with every step pending.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task CreateAsync_SeveralLoops_NumbersRunsPerLoopWithStepsPending()
    {
        var first = await Store.CreateAsync("spam", "week-31", "cron", ["collect", "train"], Now);
        var second = await Store.CreateAsync("spam", null, "cron", ["collect", "train"], Now);
        var other = await Store.CreateAsync("flights", null, "manual", ["train"], Now);

        Assert.AreEqual("week-31", first.RunKey);
        Assert.AreNotEqual(first.RunId, second.RunId);
        Assert.AreEqual(second.RunId, second.RunKey);
        Assert.AreEqual(RunStatus.Pending, first.Status);
        Assert.AreEqual(Now, first.StartedAt);
        CollectionAssert.AreEqual(new[] { "collect", "train" }, first.Steps.Select(s => s.Name).ToArray());
        Assert.IsTrue(first.Steps.All(s => s.Status == RunStatus.Pending));
        Assert.AreEqual(first.RunId, other.RunId, "numbering is per loop");
    }

    /// <summary>A saved record reads back equal through find-by-key and list, which gives a loop's runs oldest first and no other loop's.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_ChangedRecord_ReadsBackThroughFindAndList()
    {
        var created = await Store.CreateAsync("spam", "week-31", "manual", ["collect", "train"], Now);
        await Store.CreateAsync("spam", null, "manual", ["collect", "train"], Now.AddHours(1));
        await Store.CreateAsync("flights", "week-31", "manual", ["train"], Now);
        var saved = created with
        {
            Status = RunStatus.Failed,
            Attempts = 1,
            EndedAt = Now.AddMinutes(5),
            InputsKey = "labels-120",
            Triggers = [new TriggerFiring { Trigger = "new-labels", Reason = "120 new labels", FiredAt = Now, InputsKey = "labels-120" }],
            Steps =
            [
                created.Steps[0] with
                {
                    Status = RunStatus.Succeeded, Attempts = 1, StartedAt = Now, EndedAt = Now.AddMinutes(1),
                    Outputs = new Dictionary<string, StepReference> { ["dataset"] = StepReference.Dataset("ds-1"), ["rows"] = StepReference.Value("120") },
                    AttemptLog = [new StepAttempt { Number = 1, Worker = "worker-a", StartedAt = Now, EndedAt = Now.AddMinutes(1) }],
                },
                created.Steps[1] with
                {
                    Status = RunStatus.Failed, Attempts = 3, Inputs = new Dictionary<string, StepReference> { ["dataset"] = StepReference.Dataset("ds-1") }, Error = "IOException: disk",
                    AttemptLog =
                    [
                        new StepAttempt { Number = 1, Worker = "worker-a", StartedAt = Now.AddMinutes(1), Error = "interrupted: worker worker-a stopped before the attempt ended" },
                        new StepAttempt { Number = 2, Worker = "worker-b", StartedAt = Now.AddMinutes(2), EndedAt = Now.AddMinutes(3), Error = "IOException: disk" },
                    ],
                },
            ],
        };

        await Store.SaveAsync(saved);
        var found = await Store.FindByKeyAsync("spam", "week-31");
        var listed = await Store.ListAsync("spam");

        Assert.IsNotNull(found);
        AssertSame(saved, found);
        Assert.HasCount(2, listed);
        AssertSame(saved, listed[0]);
        Assert.AreEqual(Now.AddHours(1), listed[1].StartedAt);
        Assert.IsNull(await Store.FindByKeyAsync("spam", "week-32"));
        Assert.IsEmpty(await Store.ListAsync("unknown"));
    }

    /// <summary>Saving a run that was never created raises <see cref="RunStoreException"/>.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_UnknownRun_ThrowsRunStoreException()
    {
        var ghost = new RunRecord { RunId = "run-000009", LoopName = "spam", RunKey = "run-000009", Reason = "x", Status = RunStatus.Pending, StartedAt = Now, Steps = [] };

        await Assert.ThrowsAsync<RunStoreException>(() => Store.SaveAsync(ghost));

        Assert.IsEmpty(await Store.ListAsync("spam"));
    }

    /// <summary>Records are values: changing a record after saving it does not change the stored one.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_OutputsChangedAfterSave_StoredRecordUnchanged()
    {
        var created = await Store.CreateAsync("spam", "k", "manual", ["train"], Now);
        var outputs = new Dictionary<string, StepReference> { ["model"] = StepReference.ModelVersion("spam", 1) };
        await Store.SaveAsync(created with { Steps = [created.Steps[0] with { Outputs = outputs }] });

        outputs["model"] = StepReference.ModelVersion("spam", 2);

        Assert.AreEqual(StepReference.ModelVersion("spam", 1), (await Store.FindByKeyAsync("spam", "k"))!.Steps[0].Outputs["model"]);
    }

    /// <summary>The loops that have runs are listed once each, in ordinal order.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ListLoopsAsync_RunsOfSeveralLoops_EachLoopOnceInOrdinalOrder()
    {
        Assert.IsEmpty(await Store.ListLoopsAsync());
        await Store.CreateAsync("spam", null, "manual", ["train"], Now);
        await Store.CreateAsync("Flights", null, "manual", ["train"], Now);
        await Store.CreateAsync("spam", null, "manual", ["train"], Now);
        await Store.CreateAsync("alerts", null, "manual", ["train"], Now);

        CollectionAssert.AreEqual(new[] { "Flights", "alerts", "spam" }, (await Store.ListLoopsAsync()).ToArray());
    }

    private static void AssertSame(RunRecord expected, RunRecord actual)
    {
        Assert.AreEqual(expected.RunId, actual.RunId);
        Assert.AreEqual(expected.LoopName, actual.LoopName);
        Assert.AreEqual(expected.RunKey, actual.RunKey);
        Assert.AreEqual(expected.Reason, actual.Reason);
        Assert.AreEqual(expected.Status, actual.Status);
        Assert.AreEqual(expected.StartedAt, actual.StartedAt);
        Assert.AreEqual(expected.EndedAt, actual.EndedAt);
        Assert.AreEqual(expected.Attempts, actual.Attempts);
        Assert.AreEqual(expected.InputsKey, actual.InputsKey);
        Assert.AreEqual(expected.AbandonedReason, actual.AbandonedReason);
        Assert.AreEqual(expected.SupersededBy, actual.SupersededBy);
        CollectionAssert.AreEqual(expected.Triggers.ToArray(), actual.Triggers.ToArray());
        Assert.HasCount(expected.Steps.Count, actual.Steps);
        foreach (var (want, got) in expected.Steps.Zip(actual.Steps))
        {
            Assert.AreEqual(want.Name, got.Name);
            Assert.AreEqual(want.Status, got.Status);
            Assert.AreEqual(want.StartedAt, got.StartedAt);
            Assert.AreEqual(want.EndedAt, got.EndedAt);
            Assert.AreEqual(want.Attempts, got.Attempts);
            Assert.AreEqual(want.Error, got.Error);
            CollectionAssert.AreEquivalent(want.Inputs.ToArray(), got.Inputs.ToArray());
            CollectionAssert.AreEquivalent(want.Outputs.ToArray(), got.Outputs.ToArray());
            CollectionAssert.AreEqual(want.AttemptLog.ToArray(), got.AttemptLog.ToArray());
        }
    }
}
