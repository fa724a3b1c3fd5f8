using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class TriggerTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 9, 0, 0, TimeSpan.Zero);

    private static RunRecord LastRunAt(DateTimeOffset startedAt) => new()
    {
        RunId = "run-000001", LoopName = "spam", RunKey = "run-000001", Reason = "test", Status = RunStatus.Succeeded, StartedAt = startedAt, Steps = [],
    };

    [TestMethod]
    public async Task Interval_FiresOnlyAfterTheIntervalSinceTheLastRun()
    {
        var trigger = new IntervalTrigger(TimeSpan.FromDays(7));
        var last = LastRunAt(Start);

        Assert.IsTrue((await trigger.EvaluateAsync(new TriggerContext("spam", Start, null))).Fire);
        Assert.IsFalse((await trigger.EvaluateAsync(new TriggerContext("spam", Start.AddDays(6), last))).Fire);
        Assert.IsTrue((await trigger.EvaluateAsync(new TriggerContext("spam", Start.AddDays(7), last))).Fire);
    }

    [TestMethod]
    public async Task Cron_FiresWhenAnOccurrencePassedSinceTheLastRun()
    {
        var time = new FakeTimeProvider(Start);
        var trigger = new CronTrigger("0 3 * * *", time);

        var before = await trigger.EvaluateAsync(new TriggerContext("spam", Start.AddHours(17), null));
        var after = await trigger.EvaluateAsync(new TriggerContext("spam", Start.AddHours(18), null));

        Assert.IsFalse(before.Fire);
        Assert.AreEqual("cron '0 3 * * *': next occurrence 2002-08-02 03:00:00Z", before.Reason);
        Assert.IsTrue(after.Fire);
    }

    [TestMethod]
    public void Cron_InvalidExpression_ThrowsWithExample()
    {
        var error = Assert.ThrowsExactly<LoopDefinitionException>(() => new CronTrigger("every day", new FakeTimeProvider(Start)));
        StringAssert.Contains(error.Message, "'0 3 * * *'");
    }

    [TestMethod]
    public async Task NewLabels_FiresAtThreshold_CountingSinceTheLastRun()
    {
        DateTimeOffset? askedSince = null;
        var labelled = 99L;
        var trigger = new NewLabelsTrigger(100, (since, _) => { askedSince = since; return ValueTask.FromResult(labelled); });

        var below = await trigger.EvaluateAsync(new TriggerContext("spam", Start, LastRunAt(Start.AddDays(-1))));
        labelled = 100;
        var at = await trigger.EvaluateAsync(new TriggerContext("spam", Start, LastRunAt(Start.AddDays(-1))));

        Assert.IsFalse(below.Fire);
        Assert.IsTrue(at.Fire);
        Assert.AreEqual(Start.AddDays(-1), askedSince);
        Assert.AreEqual("new-labels: 100 new labelled record(s) since the last run, threshold 100", at.Reason);
    }

    [TestMethod]
    public async Task Drift_FiresWhenAFeatureDrifted()
    {
        IReadOnlyList<string> drifted = [];
        var trigger = new DriftTrigger(_ => ValueTask.FromResult(drifted));

        Assert.IsFalse((await trigger.EvaluateAsync(new TriggerContext("spam", Start, null))).Fire);
        drifted = ["body_length", "prediction"];
        var fired = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));

        Assert.IsTrue(fired.Fire);
        Assert.AreEqual("drift: body_length, prediction drifted from the reference", fired.Reason);
    }

    [TestMethod]
    public async Task Performance_FiresBelowThreshold_HoldsWithoutLabels()
    {
        double? f1 = null;
        var trigger = new PerformanceTrigger("f1", 0.8, _ => ValueTask.FromResult(f1));

        var noLabels = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));
        f1 = 0.74;
        var low = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));
        f1 = 0.91;
        var fine = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));

        Assert.IsFalse(noLabels.Fire);
        Assert.IsTrue(low.Fire);
        Assert.AreEqual("performance: f1 0.74 is below the threshold 0.8", low.Reason);
        Assert.IsFalse(fine.Fire);
    }

    [TestMethod]
    public async Task Performance_LowerIsBetter_FiresAboveThreshold()
    {
        var trigger = new PerformanceTrigger("log-loss", 0.5, _ => ValueTask.FromResult<double?>(0.7), higherIsBetter: false);

        Assert.IsTrue((await trigger.EvaluateAsync(new TriggerContext("spam", Start, null))).Fire);
    }

    [TestMethod]
    public async Task Manual_FiresOncePerRequest()
    {
        var trigger = new ManualTrigger();
        trigger.Request("operator asked for a retrain");

        var first = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));
        var second = await trigger.EvaluateAsync(new TriggerContext("spam", Start, null));

        Assert.AreEqual(TriggerDecision.Run("manual: operator asked for a retrain"), first);
        Assert.IsFalse(second.Fire);
    }
}
