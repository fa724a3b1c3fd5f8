using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;
using MlValue.Tests.Support;

namespace MlValue.Tests.Runs;

/// <summary>Attempt logs, typed references, and what a trigger does to a failed run: resume or supersede.</summary>
[TestClass]
public sealed class RunAttemptsAndSupersedeTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryRunStore _store = new();
    private readonly Dictionary<string, int> _executions = [];
    private bool _failTrain = true;

    private LoopRunner Runner(string worker) => new(_store, _time, workerId: worker);

    private LoopDefinition SpamLoop() => new LoopBuilder("spam")
        .AddStep("collect", Counted("collect", _ => StepResult.With(("dataset", StepReference.Dataset("ds-0001")), ("rows", StepReference.Value("120")))), r => r.MaxRetryAttempts = 0)
        .AddStep("train", Counted("train", ctx =>
        {
            var dataset = ctx.GetReference("dataset");
            Assert.AreEqual(StepReferenceKind.Dataset, dataset.Kind);
            return _failTrain ? throw new IOException($"artifact folder is full (attempt {ctx.Attempt})") : StepResult.With(("model", StepReference.ModelVersion("spam-filter", 3)));
        }), r => { r.MaxRetryAttempts = 1; r.RetryDelay = TimeSpan.Zero; })
        .AddStep("promote", Counted("promote", ctx => StepResult.With(("decision", StepReference.Decision("promoted " + ctx.GetReference("model").ToModelVersion().Version)))), r => r.MaxRetryAttempts = 0)
        .Build();

    private Func<StepContext, CancellationToken, ValueTask<StepResult>> Counted(string name, Func<StepContext, StepResult> body)
        => (ctx, _) =>
        {
            _executions[name] = _executions.GetValueOrDefault(name) + 1;
            _time.Advance(TimeSpan.FromSeconds(30));
            return ValueTask.FromResult(body(ctx));
        };

    private static TriggerFiring Fired(string reason, string? inputsKey, DateTimeOffset at)
        => new() { Trigger = "new-labels", Reason = reason, FiredAt = at, InputsKey = inputsKey };

    [TestMethod]
    public async Task RunTriggeredAsync_FailedRunSameInputs_ResumesKeepingEveryAttemptsError()
    {
        var loop = SpamLoop();
        var failed = await Runner("worker-a").RunTriggeredAsync(loop, Fired("120 new labelled record(s)", "labels-120", _time.GetUtcNow()));
        Assert.AreEqual(RunStatus.Failed, failed!.Status);

        _failTrain = false;
        _time.Advance(TimeSpan.FromMinutes(5));
        var resumed = await Runner("worker-b").RunTriggeredAsync(loop, Fired("still 120 new labelled record(s)", "labels-120", _time.GetUtcNow()));

        Assert.AreEqual(failed.RunId, resumed!.RunId);
        Assert.AreEqual(RunStatus.Succeeded, resumed.Status);
        Assert.HasCount(1, await _store.ListAsync("spam"));
        var train = resumed.Steps[1];
        Assert.AreEqual(3, train.Attempts);
        CollectionAssert.AreEqual(new[] { "IOException: artifact folder is full (attempt 1)", "IOException: artifact folder is full (attempt 2)", null }, train.AttemptLog.Select(a => a.Error).ToArray());
        CollectionAssert.AreEqual(new[] { "worker-a", "worker-a", "worker-b" }, train.AttemptLog.Select(a => a.Worker).ToArray());
        Assert.IsNull(train.Error);
        Assert.AreEqual(StepReference.Dataset("ds-0001"), train.Inputs["dataset"]);
        Assert.AreEqual(StepReference.ModelVersion("spam-filter", 3), train.Outputs["model"]);
        Assert.HasCount(2, resumed.Triggers);
        Assert.AreEqual(1, _executions["collect"]);
        Snapshot.Verify(failed.ToMarkdown() + "\n" + resumed.ToMarkdown());
    }

    [TestMethod]
    public async Task RunTriggeredAsync_FailedRunOtherInputs_AbandonsItAndStartsAFreshRun()
    {
        var loop = SpamLoop();
        var failed = await Runner("worker-a").RunTriggeredAsync(loop, Fired("120 new labelled record(s)", "labels-120", _time.GetUtcNow()));

        _failTrain = false;
        _time.Advance(TimeSpan.FromMinutes(5));
        var fresh = await Runner("worker-b").RunTriggeredAsync(loop, Fired("200 new labelled record(s)", "labels-200", _time.GetUtcNow()));

        var runs = await _store.ListAsync("spam");
        Assert.HasCount(2, runs);
        var abandoned = runs[0];
        Assert.AreEqual(RunStatus.Abandoned, abandoned.Status);
        Assert.AreEqual(fresh!.RunId, abandoned.SupersededBy);
        StringAssert.Contains(abandoned.AbandonedReason, "inputs 'labels-200'");
        Assert.AreNotEqual(failed!.RunId, fresh.RunId);
        Assert.AreEqual(RunStatus.Succeeded, fresh.Status);
        Assert.AreEqual("labels-200", fresh.InputsKey);
        Assert.AreEqual(2, _executions["collect"]);
        Assert.HasCount(1, fresh.Triggers);

        var again = await Runner("worker-a").RunTriggeredAsync(loop, Fired("120 new labelled record(s)", "labels-120", _time.GetUtcNow()));
        Assert.AreNotEqual(abandoned.RunId, again!.RunId);
        Snapshot.Verify(abandoned.ToMarkdown() + "\n" + fresh.ToMarkdown());
    }

    [TestMethod]
    public async Task RunTriggeredAsync_FiringWithoutInputsKey_ResumesTheFailedRun()
    {
        var loop = SpamLoop();
        var failed = await Runner("worker-a").RunTriggeredAsync(loop, Fired("120 new labelled record(s)", "labels-120", _time.GetUtcNow()));
        _failTrain = false;

        var resumed = await Runner("worker-a").RunAsync(loop, "manual: resume");

        Assert.AreEqual(failed!.RunId, resumed!.RunId);
        Assert.AreEqual(RunStatus.Succeeded, resumed.Status);
        Assert.IsNull(resumed.Triggers[1].Trigger);
        Assert.AreEqual("labels-120", resumed.InputsKey);
    }

    [TestMethod]
    public async Task RunAsync_WorkerDiedMidAttempt_AttemptKeptAsInterruptedAndStepRerunByTheNextWorker()
    {
        var loop = SpamLoop();
        _failTrain = false;
        var created = await _store.CreateAsync("spam", null, "manual", ["collect", "train", "promote"], Start);

        // What a worker killed during "train" leaves behind: the step running, its attempt open, the lease unrenewed.
        await _store.SaveAsync(created with
        {
            Status = RunStatus.Running,
            Attempts = 1,
            Steps =
            [
                created.Steps[0] with { Status = RunStatus.Succeeded, Attempts = 1, StartedAt = Start, EndedAt = Start, Outputs = new Dictionary<string, StepReference> { ["dataset"] = StepReference.Dataset("ds-0001") } },
                created.Steps[1] with { Status = RunStatus.Running, Attempts = 1, StartedAt = Start, AttemptLog = [new StepAttempt { Number = 1, Worker = "worker-dead", StartedAt = Start }] },
                created.Steps[2],
            ],
        });
        Assert.IsTrue(await _store.TryAcquireLeaseAsync("spam", "worker-dead/1", Start, TimeSpan.FromMinutes(10)));
        _time.Advance(TimeSpan.FromMinutes(11));

        var run = await Runner("worker-b").RunAsync(loop, "manual: after the crash");

        Assert.AreEqual(RunStatus.Succeeded, run!.Status);
        var train = run.Steps[1];
        Assert.HasCount(2, train.AttemptLog);
        Assert.AreEqual("interrupted: worker worker-dead stopped before the attempt ended", train.AttemptLog[0].Error);
        Assert.IsNull(train.AttemptLog[0].EndedAt);
        Assert.AreEqual("worker-b", train.AttemptLog[1].Worker);
        Assert.AreEqual(2, train.AttemptLog[1].Number);
        Assert.AreEqual(0, _executions.GetValueOrDefault("collect"));
    }

    [TestMethod]
    public async Task Scheduler_TriggerWithInputsKey_RecordsTheFiringInTheRun()
    {
        var loop = new LoopBuilder("spam").AddStep("train", (_, _) => ValueTask.FromResult(StepResult.Empty)).AddTrigger(new KeyedTrigger("labels-7")).Build();
        var scheduler = new LoopScheduler([loop], Runner("worker-a"), _store, _time);

        var outcome = (await scheduler.CheckAsync())[0];

        Assert.AreEqual(RunStatus.Succeeded, outcome.Run!.Status);
        Assert.AreEqual(new TriggerFiring { Trigger = "keyed", Reason = "keyed: new data", FiredAt = Start, InputsKey = "labels-7" }, outcome.Run.Triggers.Single());
        Assert.AreEqual("labels-7", outcome.Run.InputsKey);
    }

    [TestMethod]
    public void RunRecordJson_RecordWrittenBeforeReferencesAndAttempts_ReadsWithValueReferences()
    {
        const string old = """
            {"RunId":"run-000001","LoopName":"spam","RunKey":"run-000001","Reason":"manual","Status":"Failed","StartedAt":"2002-08-01T09:00:00+00:00","Attempts":1,
             "Steps":[{"Name":"collect","Status":"Succeeded","Attempts":1,"Inputs":{},"Outputs":{"dataset":"ds-1"}},
                      {"Name":"train","Status":"Failed","Attempts":2,"Inputs":{"dataset":"ds-1"},"Outputs":{},"Error":"IOException: disk"}]}
            """;

        var record = RunRecordJson.Deserialize(old);

        Assert.AreEqual(StepReference.Value("ds-1"), record.Steps[0].Outputs["dataset"]);
        Assert.AreEqual(StepReference.Value("ds-1"), record.Steps[1].Inputs["dataset"]);
        Assert.IsEmpty(record.Steps[1].AttemptLog);
        Assert.IsEmpty(record.Triggers);
        Assert.IsNull(record.InputsKey);
        Assert.AreEqual("IOException: disk", record.Steps[1].Error);
    }

    [TestMethod]
    public void RunRecordJson_TypedReferences_RoundTripWithTheirKinds()
    {
        var record = RunRecord.CreatePending("spam", 1, null, "manual", ["train"], Start) with { Status = RunStatus.Abandoned, AbandonedReason = "superseded" };
        record = record with
        {
            Steps = [record.Steps[0] with { Outputs = new Dictionary<string, StepReference> { ["m"] = StepReference.ModelVersion("spam-filter", 12), ["d"] = StepReference.Dataset("ds-9"), ["v"] = StepReference.Value("x"), ["p"] = StepReference.Decision("promoted") } }],
        };

        var json = RunRecordJson.Serialize(record);
        var back = RunRecordJson.Deserialize(json);

        StringAssert.Contains(json, "\"m\":{\"Kind\":\"ModelVersion\",\"Id\":\"spam-filter@12\"}");
        StringAssert.Contains(json, "\"v\":\"x\"");
        CollectionAssert.AreEquivalent(record.Steps[0].Outputs.ToArray(), back.Steps[0].Outputs.ToArray());
        Assert.AreEqual(("spam-filter", 12), back.Steps[0].Outputs["m"].ToModelVersion());
        Assert.AreEqual(RunStatus.Abandoned, back.Status);
    }

    private sealed class KeyedTrigger(string inputsKey) : ITrigger
    {
        public string Name => "keyed";

        public ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(TriggerDecision.Run("keyed: new data", inputsKey));
    }
}
