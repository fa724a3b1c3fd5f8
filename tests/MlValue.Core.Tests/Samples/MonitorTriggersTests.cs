using MlValue.Training;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.Runs;

namespace MlValue.Tests.Samples;

[TestClass]
public sealed class MonitorTriggersTests
{
    private static readonly DateTimeOffset Day0 = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly WindowSpec Daily = WindowSpec.Tumbling(TimeSpan.FromDays(1));

    private sealed class Point
    {
        public double X { get; init; }
    }

    [TestMethod]
    public async Task Drift_ShiftedCompleteWindow_FiresNamingTheFeatureAndHoldsWhileTheWindowIsOpen()
    {
        var clock = new FakeTimeProvider(Day0);
        using var monitor = Monitor(clock, reference: true);
        for (var i = 0; i < 200; i++)
        {
            monitor.Record(new Point { X = 10 + (i % 50) }, 0.5, "1", "p-" + i);
        }

        var trigger = MonitorTriggers.Drift(monitor, Daily, clock);
        var context = new TriggerContext("spam", clock.GetUtcNow(), lastRun: null);
        var open = await trigger.EvaluateAsync(context);
        clock.Advance(TimeSpan.FromDays(1));
        var complete = await trigger.EvaluateAsync(context);

        Assert.IsFalse(open.Fire, open.Reason);
        Assert.IsTrue(complete.Fire, complete.Reason);
        StringAssert.Contains(complete.Reason, "x");
    }

    [TestMethod]
    public async Task Drift_SameDistributionAsReference_Holds()
    {
        var clock = new FakeTimeProvider(Day0);
        using var monitor = Monitor(clock, reference: true);
        for (var i = 0; i < 400; i++)
        {
            monitor.Record(new Point { X = i % 100 / 100.0 }, 0.5 + (i % 10 / 100.0), "1", "p-" + i);
        }

        clock.Advance(TimeSpan.FromDays(1));
        var decision = await MonitorTriggers.Drift(monitor, Daily, clock).EvaluateAsync(new TriggerContext("spam", clock.GetUtcNow(), null));

        Assert.IsFalse(decision.Fire, decision.Reason);
    }

    [TestMethod]
    public async Task Performance_LabelledWindowBelowThreshold_FiresWithTheValue()
    {
        var clock = new FakeTimeProvider(Day0);
        using var monitor = Monitor(clock, reference: false);
        for (var i = 0; i < 40; i++)
        {
            monitor.Record(new Point { X = i }, 0.9, "1", "p-" + i);
        }

        var trigger = MonitorTriggers.Performance(monitor, "f1", 0.8, Daily, clock);
        clock.Advance(TimeSpan.FromDays(1));
        var unlabelled = await trigger.EvaluateAsync(new TriggerContext("spam", clock.GetUtcNow(), null));
        for (var i = 0; i < 40; i++)
        {
            monitor.RecordOutcome("p-" + i, i < 10 ? 1 : 0);
        }

        var labelled = await trigger.EvaluateAsync(new TriggerContext("spam", clock.GetUtcNow(), null));
        var lenient = await MonitorTriggers.Performance(monitor, "recall", 0.8, Daily, clock).EvaluateAsync(new TriggerContext("spam", clock.GetUtcNow(), null));

        Assert.IsFalse(unlabelled.Fire);
        StringAssert.Contains(unlabelled.Reason, "no labelled window");
        Assert.IsTrue(labelled.Fire, labelled.Reason);
        StringAssert.Contains(labelled.Reason, "f1 0.4 is below the threshold 0.8");
        clock.Advance(TimeSpan.FromDays(3));
        var stale = await MonitorTriggers.Performance(monitor, "f1", 0.8, Daily, clock, maxAge: TimeSpan.FromDays(2)).EvaluateAsync(new TriggerContext("spam", clock.GetUtcNow(), null));

        Assert.IsFalse(lenient.Fire, "recall is 1: every spam was caught");
        Assert.IsFalse(stale.Fire, "the only labelled window ended three days ago, past the two-day limit");
    }

    [TestMethod]
    public void Performance_UnknownMetric_ThrowsNamingTheKnownOnes()
    {
        using var monitor = Monitor(new FakeTimeProvider(Day0), reference: false);
        var error = Assert.ThrowsExactly<ArgumentException>(() => MonitorTriggers.Performance(monitor, "f2", 0.8, Daily));
        StringAssert.Contains(error.Message, "'f2' is unknown; use one of f1, precision");
    }

    private static ModelMonitor<Point> Monitor(TimeProvider clock, bool reference)
    {
        var schema = new MonitorSchema<Point>(PredictionTask.BinaryClassification).Numeric("x", p => p.X);
        var profile = reference ? ReferenceProfile.Build(schema, Enumerable.Range(0, 400).Select(i => new Point { X = i % 100 / 100.0 }), p => 0.5 + (p.X / 10)) : null;
        return new ModelMonitor<Point>("triggers", schema, profile, new MonitoringOptions { MinSampleSize = 20, SaveInterval = TimeSpan.Zero }, clock, stateDirectory: null);
    }
}
