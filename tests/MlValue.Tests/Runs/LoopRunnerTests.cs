using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;
using MlValue.Tests.Support;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class LoopRunnerTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryRunStore _store = new();
    private readonly Dictionary<string, int> _executions = [];

    private LoopRunner Runner() => new(_store, _time, workerId: "worker-a");

    private LoopDefinition SpamLoop(Func<StepContext, int, StepResult>? train = null, Action<StepResilienceOptions>? trainResilience = null)
    {
        var loop = new LoopBuilder("spam");
        loop.DefaultResilience.MaxRetryAttempts = 0;
        return loop
            .AddStep("collect", Counted("collect", _ => StepResult.With(("dataset", "ds-0001"))))
            .AddStep("clean", Counted("clean", ctx => StepResult.With(("clean-dataset", ctx.Get("dataset") + "-clean"))))
            .AddStep("train", Counted("train", ctx => train?.Invoke(ctx, _executions["train"]) ?? StepResult.With(("model-version", "1"))), trainResilience)
            .AddStep("evaluate", Counted("evaluate", ctx => StepResult.With(("decision", ctx.Get("model-version") == "1" ? "promoted" : "rejected"))))
            .Build();
    }

    private Func<StepContext, CancellationToken, ValueTask<StepResult>> Counted(string name, Func<StepContext, StepResult> body)
        => (ctx, _) =>
        {
            _executions[name] = _executions.GetValueOrDefault(name) + 1;
            _time.Advance(TimeSpan.FromSeconds(30));
            return ValueTask.FromResult(body(ctx));
        };

    [TestMethod]
    public async Task RunAsync_AllStepsSucceed_RecordsEveryStepWithInputsAndOutputs()
    {
        var run = await Runner().RunAsync(SpamLoop(), "manual: first run");

        Assert.IsNotNull(run);
        Assert.AreEqual(RunStatus.Succeeded, run.Status);
        Assert.IsTrue(run.Steps.All(s => s.Status == RunStatus.Succeeded && s.Attempts == 1));
        Assert.AreEqual("ds-0001", run.Steps[1].Inputs["dataset"].Id);
        Snapshot.Verify(run.ToMarkdown());
    }

    [TestMethod]
    public async Task RunAsync_StepFailedThenResumed_RestartsAtFailedStepOnly()
    {
        var failTrain = true;
        var loop = SpamLoop((_, _) => failTrain ? throw new IOException("artifact folder is full") : StepResult.With(("model-version", "1")));
        var failed = await Runner().RunAsync(loop, "new-labels: 120 new labelled record(s)");
        Assert.AreEqual(RunStatus.Failed, failed!.Status);
        Assert.AreEqual("IOException: artifact folder is full", failed.Steps[2].Error);

        failTrain = false;
        var resumed = await Runner().RunAsync(loop, "manual: resume");

        Assert.AreEqual(failed.RunId, resumed!.RunId);
        Assert.AreEqual(RunStatus.Succeeded, resumed.Status);
        Assert.AreEqual(2, resumed.Attempts);
        Assert.AreEqual(1, _executions["collect"]);
        Assert.AreEqual(1, _executions["clean"]);
        Assert.AreEqual(2, _executions["train"]);
        CollectionAssert.AreEqual(new[] { RunStatus.Skipped, RunStatus.Skipped, RunStatus.Succeeded, RunStatus.Succeeded }, resumed.Steps.Select(s => s.Status).ToArray());
        Assert.AreEqual("new-labels: 120 new labelled record(s)", resumed.Reason);
        Snapshot.Verify(failed.ToMarkdown() + "\n" + resumed.ToMarkdown());
    }

    [TestMethod]
    public async Task RunAsync_TransientFailure_IsRetriedWithBackoffThenSucceeds()
    {
        var loop = SpamLoop(
            (_, attempt) => attempt < 3 ? throw new TimeoutException("registry busy") : StepResult.With(("model-version", "1")),
            r => { r.MaxRetryAttempts = 3; r.RetryDelay = TimeSpan.FromSeconds(1); });

        var time = new TimerSignalingTimeProvider(Start);
        var task = new LoopRunner(_store, time).RunAsync(loop, "manual");
        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(1));
        await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(2));

        var run = await task;
        Assert.AreEqual(RunStatus.Succeeded, run!.Status);
        Assert.AreEqual(3, run.Steps[2].Attempts);
    }

    [TestMethod]
    public async Task RunAsync_AttemptTimesOut_StepFailsWithTimeoutAndRunCanResume()
    {
        var time = new TimerSignalingTimeProvider(Start);
        var loop = new LoopBuilder("slow")
            .AddStep("train", async (_, token) => { await Task.Delay(Timeout.InfiniteTimeSpan, time, token); return StepResult.Empty; }, r => { r.MaxRetryAttempts = 1; r.RetryDelay = TimeSpan.Zero; r.AttemptTimeout = TimeSpan.FromMinutes(5); })
            .Build();

        var task = new LoopRunner(_store, time).RunAsync(loop, "manual");
        await time.AdvanceWhenArmedAsync(TimeSpan.FromMinutes(5));
        await time.AdvanceWhenArmedAsync(TimeSpan.FromMinutes(5));

        var run = await task;
        Assert.AreEqual(RunStatus.Failed, run!.Status);
        Assert.AreEqual(2, run.Steps[0].Attempts);
        StringAssert.StartsWith(run.Steps[0].Error, "TimeoutRejectedException");
    }

    [TestMethod]
    public async Task RunAsync_SameKeyAfterSuccess_DoesNothing()
    {
        var first = await Runner().RunAsync(SpamLoop(), "cron", runKey: "2002-08-01");
        var again = await Runner().RunAsync(SpamLoop(), "cron", runKey: "2002-08-01");

        Assert.AreEqual(first!.RunId, again!.RunId);
        Assert.AreEqual(1, _executions["collect"]);
        Assert.AreEqual(1, (await _store.ListAsync("spam")).Count);
    }

    [TestMethod]
    public async Task RunAsync_LeaseHeldByCrashedRunner_SkipsUntilTheLeaseExpires()
    {
        Assert.IsTrue(await _store.TryAcquireLeaseAsync("spam", "crashed-process", _time.GetUtcNow(), TimeSpan.FromMinutes(10)));

        var blocked = await Runner().RunAsync(SpamLoop(), "manual");
        _time.Advance(TimeSpan.FromMinutes(11));
        var afterExpiry = await Runner().RunAsync(SpamLoop(), "manual");

        Assert.IsNull(blocked);
        Assert.AreEqual(RunStatus.Succeeded, afterExpiry!.Status);
    }

    [TestMethod]
    public async Task RunAsync_ConcurrentRunsOfOneLoop_OnlyOneExecutes()
    {
        var gate = new TaskCompletionSource();
        var loop = new LoopBuilder("gated").AddStep("wait", async (_, _) => { await gate.Task; return StepResult.Empty; }).Build();

        var first = Runner().RunAsync(loop, "manual");
        var second = await Runner().RunAsync(loop, "manual");
        gate.SetResult();

        Assert.IsNull(second);
        Assert.AreEqual(RunStatus.Succeeded, (await first)!.Status);
    }

    [TestMethod]
    public async Task RunAsync_StepReadsMissingOutput_FailsNamingTheKnownOutputs()
    {
        var loop = new LoopBuilder("broken")
            .AddStep("collect", (_, _) => ValueTask.FromResult(StepResult.With(("dataset", "ds-1"))))
            .AddStep("train", (ctx, _) => ValueTask.FromResult(StepResult.With(("model", ctx.Get("clean-dataset")))), r => r.MaxRetryAttempts = 0)
            .Build();

        var run = await Runner().RunAsync(loop, "manual");

        Assert.AreEqual(RunStatus.Failed, run!.Status);
        StringAssert.Contains(run.Steps[1].Error, "no earlier step produced the output 'clean-dataset' (known outputs: dataset)");
    }

    [TestMethod]
    public async Task RunAsync_DefinitionChangedBeforeResume_ThrowsNamingBothStepLists()
    {
        var loop = new LoopBuilder("spam").AddStep("collect", (_, _) => throw new IOException("disk"), r => r.MaxRetryAttempts = 0).Build();
        await Runner().RunAsync(loop, "manual");
        var changed = new LoopBuilder("spam").AddStep("collect", (_, _) => ValueTask.FromResult(StepResult.Empty)).AddStep("train", (_, _) => ValueTask.FromResult(StepResult.Empty)).Build();

        var error = await Assert.ThrowsExactlyAsync<LoopDefinitionException>(() => Runner().RunAsync(changed, "manual"));

        StringAssert.Contains(error.Message, "recorded with steps [collect] but the loop now has [collect, train]");
    }
}
