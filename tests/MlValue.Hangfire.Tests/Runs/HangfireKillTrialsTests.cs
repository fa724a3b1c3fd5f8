using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Hangfire.Tests.Support;
using MlValue.Hangfire.Trials;
using MlValue.Registry;
using MlValue.Runs;

namespace MlValue.Hangfire.Tests.Runs;

/// <summary>
/// Loop runs on Hangfire with worker processes on one PostgreSQL: a worker killed (SIGKILL) at a random step and
/// point leaves its step to another worker, every run completes, each effect happens once, and the run record
/// shows the dead worker's attempt and its replacement; two schedulers racing on one trigger start one run.
/// </summary>
[TestClass]
public sealed class HangfireKillTrialsTests
{
    private const int Trials = 20;
    private static readonly TimeSpan Invisibility = TimeSpan.FromSeconds(2);

    public TestContext TestContext { get; set; } = null!;

    private static ServiceProvider Client(string schema, string hangfireSchema, string workerId, ITrigger? trigger = null)
    {
        var services = new ServiceCollection();
        services.AddMlValue().UsePostgreSql(o => { o.ConnectionString = TrialDatabase.ConnectionString; o.Schema = schema; o.CheckConnectionOnStart = false; })
            .AddLoopRuns(o => o.LeaseDuration = TimeSpan.FromMinutes(2))
            .AddHangfireLoopRunner();
        services.AddSingleton(TrialLoop.Build(TrialDatabase.ConnectionString, schema, trigger));
        var options = TrialDatabase.HangfireOptions(hangfireSchema, Invisibility, prepare: false);
        services.AddSingleton<JobStorage>(new PostgreSqlStorage(new NpgsqlConnectionFactory(TrialDatabase.ConnectionString, options), options));
        services.AddSingleton(sp => new LoopRunner(sp.GetRequiredService<IRunStore>(), TimeProvider.System, TimeSpan.FromMinutes(2), services: sp, workerId: workerId));
        return services.BuildServiceProvider();
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task WorkerKilledAtARandomStepAndPoint_EveryRunCompletesOnAnotherWorkerWithEachEffectOnce()
    {
        var token = TestContext.CancellationToken;
        await using var database = await TrialDatabase.CreateAsync(Invisibility);
        await using var client = Client(database.Schema, database.HangfireSchema, "scheduler");
        await client.GetRequiredService<IRunStore>().ListLoopsAsync(token);
        var workers = new List<TrialWorker>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                workers.Add(await TrialWorker.StartAsync(TrialDatabase.ConnectionString, database.Schema, database.HangfireSchema, Invisibility, token));
            }

            var random = new Random(20021);
            var runner = client.GetRequiredService<HangfireLoopRunner>();
            var store = client.GetRequiredService<IRunStore>();
            var registry = client.GetRequiredService<IModelRegistry>();
            var recoveries = new List<double>();
            for (var trial = 0; trial < Trials; trial++)
            {
                var step = TrialLoop.Steps[random.Next(TrialLoop.Steps.Length)];
                var point = random.Next(2) == 0 ? "before" : "after";
                await database.PlanAsync(step, point);
                var started = await runner.StartAsync(TrialLoop.Name, new TriggerFiring { Trigger = "trial", Reason = $"trial {trial}: kill at {step}/{point}", FiredAt = DateTimeOffset.UtcNow, InputsKey = $"trial-{trial}" }, token);
                Assert.IsNotNull(started, $"trial {trial}: the loop was busy");
                var runId = started.Record.RunId;

                var victimLine = await database.WaitForAsync("trial_points", p => p.Split('|')[1] == runId, token);
                var victimPid = int.Parse(victimLine.Split('|')[0], CultureInfo.InvariantCulture);
                var victim = workers.Single(w => w.Pid == victimPid);
                await victim.KillAsync();
                workers.Remove(victim);
                victim.Dispose();
                workers.Add(await TrialWorker.StartAsync(TrialDatabase.ConnectionString, database.Schema, database.HangfireSchema, Invisibility, token));

                await database.WaitForAsync("trial_runs", p => p == runId + "|Succeeded", token);
                await database.WaitForAsync("trial_leases", p => p == TrialLoop.Name, token);

                var record = (await store.ListAsync(TrialLoop.Name, token)).Single(r => r.RunId == runId);
                var killed = record.Steps.Single(s => s.Name == step);
                var context = $"trial {trial} ({step}/{point}), run {runId}:\n{record.ToMarkdown()}";
                Assert.AreEqual(RunStatus.Succeeded, record.Status, context);
                Assert.IsGreaterThanOrEqualTo(2, killed.AttemptLog.Count, context);
                var dead = killed.AttemptLog[0];
                var replacement = killed.AttemptLog[^1];
                StringAssert.StartsWith(dead.Worker, $"pid-{victimPid}-", context);
                Assert.AreEqual($"interrupted: worker {dead.Worker} stopped before the attempt ended", dead.Error, context);
                Assert.IsNull(replacement.Error, context);
                Assert.IsFalse(replacement.Worker.StartsWith($"pid-{victimPid}-", StringComparison.Ordinal), context);
                Assert.IsNotNull(dead.JobId, context);
                Assert.AreEqual(dead.JobId, replacement.JobId, context);
                Assert.IsTrue(record.Steps.All(s => s.AttemptLog.All(a => a.JobId is not null)), context);
                recoveries.Add((replacement.StartedAt - dead.StartedAt).TotalSeconds);

                var versions = await registry.SearchAsync(new ModelQuery { ModelName = TrialLoop.Model, TagKey = RegistryIdempotencyExtensions.IdempotencyKeyTag, TagValue = $"{TrialLoop.Name}/{runId}/register", IncludeArchived = true }, token);
                Assert.HasCount(1, versions, context);
                var moves = (await registry.GetAliasHistoryAsync(TrialLoop.Model, TrialLoop.Alias, token)).Where(m => m.Reason == "promoted by " + runId).ToList();
                Assert.HasCount(1, moves, context);
                Assert.AreEqual(versions[0].Version, moves[0].ToVersion, context);
            }

            var all = await registry.SearchAsync(new ModelQuery { ModelName = TrialLoop.Model, IncludeArchived = true }, token);
            Assert.HasCount(Trials, all);
            Assert.HasCount(Trials, await registry.GetAliasHistoryAsync(TrialLoop.Model, TrialLoop.Alias, token));
            recoveries.Sort();
            TestContext.WriteLine(FormattableString.Invariant($"{Trials} kills; time from the dead attempt's start to its replacement's start: median {recoveries[recoveries.Count / 2]:F2} s, max {recoveries[^1]:F2} s (invisibility timeout {Invisibility.TotalSeconds} s)"));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TwoSchedulersRacingOnOneTrigger_StartOneRun()
    {
        var token = TestContext.CancellationToken;
        await using var database = await TrialDatabase.CreateAsync(Invisibility);
        var trigger = new AlwaysTrigger();
        await using var first = Client(database.Schema, database.HangfireSchema, "scheduler-a", trigger);
        await using var second = Client(database.Schema, database.HangfireSchema, "scheduler-b", trigger);
        await first.GetRequiredService<IRunStore>().ListLoopsAsync(token);
        using var worker = await TrialWorker.StartAsync(TrialDatabase.ConnectionString, database.Schema, database.HangfireSchema, Invisibility, token);

        var a = first.GetRequiredService<HangfireLoopRunner>();
        var b = second.GetRequiredService<HangfireLoopRunner>();
        using var barrier = new Barrier(2);
        var outcomes = await Task.WhenAll(
            Task.Run(() => { barrier.SignalAndWait(token); return a.CheckTriggersAsync(token); }, token),
            Task.Run(() => { barrier.SignalAndWait(token); return b.CheckTriggersAsync(token); }, token));

        var started = outcomes.SelectMany(o => o).Where(o => o.Run is not null).ToList();
        Assert.HasCount(1, started);
        Assert.IsTrue(outcomes.SelectMany(o => o).All(o => o.Decision.Fire));
        var runId = started[0].Run!.RunId;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await database.WaitForAsync("trial_runs", p => p == runId + "|Succeeded", wait.Token);
            }
            catch (OperationCanceledException)
            {
                var record = (await first.GetRequiredService<IRunStore>().ListAsync(TrialLoop.Name, token)).Single();
                Assert.Fail($"The run did not succeed:\n{record.ToMarkdown()}\nworker output:\n{worker.Output}");
            }
        }
        var runs = await first.GetRequiredService<IRunStore>().ListAsync(TrialLoop.Name, token);
        Assert.HasCount(1, runs);
        Assert.AreEqual("race", runs[0].Triggers.Single().Trigger);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SameLoopOnHangfireAndInProcess_BothSucceedAndTheirDurationsAreReported()
    {
        const int Runs = 10;
        var token = TestContext.CancellationToken;
        await using var database = await TrialDatabase.CreateAsync(Invisibility);
        await using var client = Client(database.Schema, database.HangfireSchema, "in-process");
        using var worker = await TrialWorker.StartAsync(TrialDatabase.ConnectionString, database.Schema, database.HangfireSchema, Invisibility, token);
        var runner = client.GetRequiredService<HangfireLoopRunner>();
        var loop = client.GetRequiredService<LoopDefinition>();
        var inProcess = client.GetRequiredService<LoopRunner>();

        var hangfire = new List<double>();
        var local = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var started = await runner.StartAsync(TrialLoop.Name, new TriggerFiring { Trigger = "measure", Reason = "hangfire", FiredAt = DateTimeOffset.UtcNow, InputsKey = $"h-{i}" }, token);
            await database.WaitForAsync("trial_runs", p => p == started!.Record.RunId + "|Succeeded", token);
            await database.WaitForAsync("trial_leases", p => p == TrialLoop.Name, token);
            hangfire.Add(watch.Elapsed.TotalMilliseconds / TrialLoop.Steps.Length);
            Assert.AreEqual(RunStatus.Succeeded, (await client.GetRequiredService<IRunStore>().ListAsync(TrialLoop.Name, token)).Single(r => r.RunId == started!.Record.RunId).Status);

            watch.Restart();
            var run = await inProcess.RunTriggeredAsync(loop, new TriggerFiring { Trigger = "measure", Reason = "in process", FiredAt = DateTimeOffset.UtcNow, InputsKey = $"p-{i}" }, token);
            local.Add(watch.Elapsed.TotalMilliseconds / TrialLoop.Steps.Length);
            Assert.AreEqual(RunStatus.Succeeded, run!.Status);
        }

        hangfire.Sort();
        local.Sort();
        TestContext.WriteLine(FormattableString.Invariant($"per step (3 steps, {Runs} runs each, same PostgreSQL): Hangfire median {hangfire[Runs / 2]:F0} ms, in process median {local[Runs / 2]:F0} ms"));
    }

    private sealed class AlwaysTrigger : ITrigger
    {
        public string Name => "race";

        public ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(TriggerDecision.Run("race: always", "race-data"));
    }
}
