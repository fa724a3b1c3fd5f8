using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Runs;

/// <summary>A step re-executed after its effects happened (retry, or a worker that died before the record was saved) does not repeat them.</summary>
[TestClass]
public sealed class ExactlyOnceEffectsTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryRunStore _store = new();
    private readonly InMemoryModelRegistry _registry;
    private int _registerCalls;

    public ExactlyOnceEffectsTests() => _registry = new InMemoryModelRegistry(_time);

    private static ModelRegistration Registration(string bytes) => new() { ModelName = "spam-filter", Artifact = new ModelArtifact("mlnet-zip", System.Text.Encoding.UTF8.GetBytes(bytes)), TrainerName = "t", CodeVersion = "c", TrainingDatasetIds = ["ds-00000000000000000000000000000001"] };

    // register → promote in one step; "dies" after both effects on its first attempt.
    private LoopDefinition Loop(Func<int, bool> dieAfterEffects) => new LoopBuilder("spam")
        .AddStep("promote", async (ctx, token) =>
        {
            var champion = await _registry.GetByAliasAsync("spam-filter", "champion", token);
            var expected = ctx.TryGet("expected-champion", out var e) ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : champion?.Version;
            _registerCalls++;
            var (version, _) = await _registry.RegisterOnceAsync(Registration("model of " + ctx.RunId), ctx.IdempotencyKey, token);
            var (move, _) = await _registry.MoveAliasOnceAsync("spam-filter", "champion", version.Version, expected, "promoted by " + ctx.RunId, token);
            if (dieAfterEffects(ctx.Attempt))
            {
                throw new IOException("worker lost its connection after promoting");
            }

            return StepResult.With(("model", StepReference.ModelVersion("spam-filter", version.Version)), ("moved-to", StepReference.Value(move.ToVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }, r => { r.MaxRetryAttempts = 2; r.RetryDelay = TimeSpan.Zero; })
        .Build();

    [TestMethod]
    public async Task StepRetriedAfterItsEffects_RegistersOnceAndMovesTheAliasOnce()
    {
        var run = await new LoopRunner(_store, _time, workerId: "worker-a").RunAsync(Loop(attempt => attempt == 1), "manual");

        Assert.AreEqual(RunStatus.Succeeded, run!.Status);
        Assert.AreEqual(2, _registerCalls);
        var versions = await _registry.SearchAsync(new ModelQuery { ModelName = "spam-filter" });
        Assert.HasCount(1, versions);
        Assert.AreEqual("spam/run-000001/promote", versions[0].Tags[RegistryIdempotencyExtensions.IdempotencyKeyTag]);
        Assert.HasCount(1, await _registry.GetAliasHistoryAsync("spam-filter", "champion"));
        Assert.AreEqual(StepReference.ModelVersion("spam-filter", 1), run.Steps[0].Outputs["model"]);
        Assert.AreEqual("IOException: worker lost its connection after promoting", run.Steps[0].AttemptLog[0].Error);
    }

    [TestMethod]
    public async Task WorkerDiedAfterItsEffectsBeforeTheRecord_NextWorkerFindsThemAndDoesNotRepeat()
    {
        // The dead worker registered v1 and moved the alias, then died before saving the step.
        var created = await _store.CreateAsync("spam", null, "manual", ["promote"], Start);
        await _store.SaveAsync(created with
        {
            Status = RunStatus.Running,
            Attempts = 1,
            Steps = [created.Steps[0] with { Status = RunStatus.Running, Attempts = 1, StartedAt = Start, AttemptLog = [new StepAttempt { Number = 1, Worker = "worker-dead", StartedAt = Start }] }],
        });
        var (v1, _) = await _registry.RegisterOnceAsync(Registration("model of run-000001"), "spam/run-000001/promote");
        await _registry.SetAliasAsync("spam-filter", "champion", v1.Version, null, "promoted by run-000001");

        var run = await new LoopRunner(_store, _time, workerId: "worker-b").RunAsync(Loop(_ => false), "manual: after the crash");

        Assert.AreEqual(RunStatus.Succeeded, run!.Status);
        Assert.HasCount(1, await _registry.SearchAsync(new ModelQuery { ModelName = "spam-filter" }));
        Assert.HasCount(1, await _registry.GetAliasHistoryAsync("spam-filter", "champion"));
        CollectionAssert.AreEqual(new[] { "worker-dead", "worker-b" }, run.Steps[0].AttemptLog.Select(a => a.Worker).ToArray());
    }

    [TestMethod]
    public async Task NextRun_RegistersAgainAndMovesTheAliasByCas()
    {
        await new LoopRunner(_store, _time, workerId: "worker-a").RunAsync(Loop(_ => false), "first");
        var second = await new LoopRunner(_store, _time, workerId: "worker-a").RunAsync(Loop(_ => false), "second", runKey: "second");

        Assert.AreEqual(RunStatus.Succeeded, second!.Status);
        Assert.HasCount(2, await _registry.SearchAsync(new ModelQuery { ModelName = "spam-filter" }));
        var history = await _registry.GetAliasHistoryAsync("spam-filter", "champion");
        Assert.HasCount(2, history);
        Assert.AreEqual(1, history[1].FromVersion);
    }

    [TestMethod]
    public async Task MoveAliasOnceAsync_AliasMovedByAnotherWriterInBetween_ThrowsConflictInsteadOfOverwriting()
    {
        var (v1, _) = await _registry.RegisterOnceAsync(Registration("a"), "k1");
        var (v2, _) = await _registry.RegisterOnceAsync(Registration("b"), "k2");
        var (v3, _) = await _registry.RegisterOnceAsync(Registration("c"), "k3");
        await _registry.SetAliasAsync("spam-filter", "champion", v1.Version, null, "first");
        await _registry.SetAliasAsync("spam-filter", "champion", v2.Version, v1.Version, "someone else");

        await Assert.ThrowsExactlyAsync<AliasConflictException>(() => _registry.MoveAliasOnceAsync("spam-filter", "champion", v3.Version, v1.Version, "expected v1"));

        Assert.AreEqual(v2.Version, (await _registry.GetByAliasAsync("spam-filter", "champion"))!.Version);
    }
}
