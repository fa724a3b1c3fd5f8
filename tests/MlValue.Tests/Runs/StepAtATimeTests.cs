using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;

namespace MlValue.Tests.Runs;

/// <summary>BeginAsync + ExecuteStepAsync: the steps of one run executed one at a time by different workers, as a job runner does.</summary>
[TestClass]
public sealed class StepAtATimeTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryRunStore _store = new();
    private readonly Dictionary<string, int> _executions = [];

    private LoopDefinition Loop(bool failTrain = false)
    {
        var loop = new LoopBuilder("spam");
        loop.DefaultResilience.MaxRetryAttempts = 0;
        return loop.AddStep("collect", Counted("collect", _ => StepResult.With(("dataset", StepReference.Dataset("ds-00000000000000000000000000000001")))))
            .AddStep("train", Counted("train", ctx => failTrain ? throw new IOException("disk") : StepResult.With(("model", StepReference.ModelVersion("spam", 1)), ("read", StepReference.Value(ctx.Get("dataset"))))))
            .Build();
    }

    private Func<StepContext, CancellationToken, ValueTask<StepResult>> Counted(string name, Func<StepContext, StepResult> body)
        => (ctx, _) =>
        {
            _executions[name] = _executions.GetValueOrDefault(name) + 1;
            return ValueTask.FromResult(body(ctx));
        };

    private LoopRunner Worker(string id) => new(_store, _time, workerId: id);

    private static TriggerFiring Firing(string reason) => new() { Trigger = "test", Reason = reason, FiredAt = Start };

    [TestMethod]
    public async Task StepsOnTwoWorkers_RunSucceedsWithEachAttemptsWorkerAndJobIdAndTheLeaseIsReleased()
    {
        var loop = Loop();
        var begun = await Worker("scheduler").BeginAsync(loop, Firing("go"), "holder-1");
        Assert.AreEqual(RunStatus.Running, begun!.Status);
        Assert.IsNull(await Worker("scheduler").BeginAsync(loop, Firing("again"), "holder-2"));

        var afterCollect = await Worker("worker-a").ExecuteStepAsync(loop, begun.RunId, "collect", "holder-1", "job-1");
        var again = await Worker("worker-b").ExecuteStepAsync(loop, begun.RunId, "collect", "holder-1", "job-1");
        var done = await Worker("worker-b").ExecuteStepAsync(loop, begun.RunId, "train", "holder-1", "job-2");

        Assert.AreEqual(RunStatus.Running, afterCollect.Status);
        Assert.AreEqual(RunStatus.Running, again.Status);
        Assert.AreEqual(RunStatus.Succeeded, done.Status);
        Assert.AreEqual(1, _executions["collect"]);
        Assert.AreEqual("ds-00000000000000000000000000000001", done.Steps[1].Outputs["read"].Id);
        Assert.AreEqual(("worker-a", "job-1"), (done.Steps[0].AttemptLog.Single().Worker, done.Steps[0].AttemptLog.Single().JobId));
        Assert.AreEqual(("worker-b", "job-2"), (done.Steps[1].AttemptLog.Single().Worker, done.Steps[1].AttemptLog.Single().JobId));
        Assert.IsTrue(await _store.TryAcquireLeaseAsync("spam", "someone-else", Start, TimeSpan.FromMinutes(1)));
    }

    [TestMethod]
    public async Task FailedStep_FailsTheRunReleasesTheLeaseAndLaterStepsDoNothing()
    {
        var loop = Loop(failTrain: true);
        var begun = await Worker("scheduler").BeginAsync(loop, Firing("go"), "holder-1");
        await Worker("worker-a").ExecuteStepAsync(loop, begun!.RunId, "collect", "holder-1", null);

        var failed = await Worker("worker-a").ExecuteStepAsync(loop, begun.RunId, "train", "holder-1", null);
        var resumed = await Worker("scheduler").BeginAsync(Loop(), Firing("resume"), "holder-2");

        Assert.AreEqual(RunStatus.Failed, failed.Status);
        Assert.AreEqual(begun.RunId, resumed!.RunId);
        CollectionAssert.AreEqual(new[] { RunStatus.Skipped, RunStatus.Failed }, resumed.Steps.Select(s => s.Status).ToArray());
        var done = await Worker("worker-b").ExecuteStepAsync(Loop(), resumed.RunId, "train", "holder-2", null);
        Assert.AreEqual(RunStatus.Succeeded, done.Status);
        Assert.HasCount(2, done.Steps[1].AttemptLog);
    }
}
