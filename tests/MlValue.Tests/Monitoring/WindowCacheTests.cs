using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

/// <summary>Windows reuse cached merges of unchanged blocks of buckets, and rebuild a block when one of its buckets changes.</summary>
[TestClass]
public sealed class WindowCacheTests
{
    private static readonly WindowSpec Spec = WindowSpec.Sliding(TimeSpan.FromHours(4), TimeSpan.FromHours(2));

    [TestMethod]
    public void GetWindows_ReuseEvaluatedWindowsOff_EvaluatesEachTimeWithTheSameResult()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.ReuseEvaluatedWindows = false;
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), options: options);
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(3000, 4), TimeSpan.FromDays(2));

        var first = monitor.GetWindows(Spec);
        var second = monitor.GetWindows(Spec);

        Assert.AreEqual(0, monitor.Windows.EvaluatedHits);
        Assert.AreNotSame(first[0], second[0]);
        CollectionAssert.AreEqual(first.Select(w => w.Records).ToArray(), second.Select(w => w.Records).ToArray());
    }

    [TestMethod]
    public void GetWindows_RepeatedWithoutChanges_ReusesCachedPanesWithSameResult()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(3000, 4), TimeSpan.FromDays(2));

        var first = monitor.GetWindows(Spec);
        var builds = monitor.Windows.Builds;
        var second = monitor.GetWindows(Spec);

        Assert.AreEqual(builds, monitor.Windows.Builds, "no pane rebuilt");
        Assert.IsTrue(monitor.Windows.Hits >= first.Count - 2, $"hits {monitor.Windows.Hits}: overlapping windows share a pane");
        Assert.AreEqual(first.Count, monitor.Windows.EvaluatedHits, "every unchanged window is reused as evaluated");
        Assert.AreEqual(MonitorReport.ToMarkdown("m", first), MonitorReport.ToMarkdown("m", second));
        Assert.AreEqual(3000, second.Where((_, i) => i % 2 == 1).Sum(w => w.Records), "every other window tiles the two days");
    }

    [TestMethod]
    public void GetWindow_RecordInItsRange_ReevaluatesOnlyThatWindow()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.AllowedLateness = TimeSpan.FromDays(3);
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), options);
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(1000, 8), TimeSpan.FromDays(1));
        var early = (Start: MonitorTestData.Start, End: MonitorTestData.Start.AddHours(6));
        var late = (Start: MonitorTestData.Start.AddHours(12), End: MonitorTestData.Start.AddHours(18));
        var earlyBefore = monitor.GetWindow(early.Start, early.End);
        var lateBefore = monitor.GetWindow(late.Start, late.End);

        monitor.Record(new Row { Value = 5, Group = "a", Body = "x" }, 0.5, "v2", "again-1", MonitorTestData.Start.AddHours(3));
        var earlyAfter = monitor.GetWindow(early.Start, early.End);
        var lateAfter = monitor.GetWindow(late.Start, late.End);

        Assert.AreSame(lateBefore, lateAfter, "the unchanged window is reused");
        Assert.AreNotSame(earlyBefore, earlyAfter, "the changed window is evaluated again");
        Assert.AreEqual(earlyBefore.Records + 1, earlyAfter.Records);
        Assert.AreEqual(1, monitor.Windows.EvaluatedHits);
    }

    [TestMethod]
    public void GetWindows_LateRecordInOldBucket_RebuildsOnlyItsPane()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.AllowedLateness = TimeSpan.FromDays(3);
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), options);
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(2000, 5), TimeSpan.FromDays(2));
        var before = monitor.GetWindows(Spec);
        var builds = monitor.Windows.Builds;

        var status = monitor.Record(new Row { Value = 1000, Group = "late", Body = "late" }, 0.5, "v9", "late-1", MonitorTestData.Start.AddHours(5));
        var after = monitor.GetWindows(Spec);

        Assert.AreEqual(RecordStatus.AcceptedLate, status);
        Assert.AreEqual(builds + 1, monitor.Windows.Builds, "only the pane of hours 4-6 is rebuilt");
        for (var i = 0; i < before.Count; i++)
        {
            var holds = after[i].Start <= MonitorTestData.Start.AddHours(5) && MonitorTestData.Start.AddHours(5) < after[i].End;
            Assert.AreEqual(before[i].Records + (holds ? 1 : 0), after[i].Records, $"window {after[i].Start:O}");
            Assert.AreEqual(holds, after[i].Versions.ContainsKey("v9"), $"window {after[i].Start:O}");
        }
    }

    [TestMethod]
    public void GetWindows_OutcomeForOldPrediction_InvalidatesItsPane()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(500, 6), TimeSpan.FromHours(12));
        monitor.Record(new Row { Value = 1, Group = "a", Body = "x" }, 0.9, "v1", "labelled", MonitorTestData.Start.AddHours(11));
        clock.Advance(TimeSpan.FromDays(1));
        var before = monitor.GetWindows(Spec);

        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("labelled", 1));
        var after = monitor.GetWindows(Spec);

        Assert.AreEqual(0, before.Sum(w => w.Performance.Labeled));
        Assert.AreEqual(2, after.Sum(w => w.Performance.Labeled), "the two sliding windows over hour 11 see the outcome");
        Assert.AreEqual(1, after.Single(w => w.Start == MonitorTestData.Start.AddHours(8)).Performance.TruePositives);
    }

    [TestMethod]
    public void GetWindow_OverCachedBlocks_EqualsDirectMergeOfBuckets()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(4000, 7, extraGroup: "new"), TimeSpan.FromDays(3));
        var start = MonitorTestData.Start.AddHours(1);
        var end = MonitorTestData.Start.AddDays(3);

        monitor.GetWindow(MonitorTestData.Start, end);
        var cached = monitor.GetWindow(start, end);
        var direct = new MonitorBucket(monitor.Ring.All().First().Layout, MonitorTestData.Options().CategoryCap, 0);
        foreach (var bucket in monitor.Ring.All().Where(b => b.Index >= start.UtcTicks / TimeSpan.TicksPerHour && b.Index < end.UtcTicks / TimeSpan.TicksPerHour))
        {
            direct.Merge(bucket);
        }

        Assert.IsTrue(monitor.Windows.Hits > 0, "blocks were reused by the overlapping window");
        Assert.AreSame(cached, monitor.GetWindow(start, end), "the unchanged window is reused as evaluated");
        Assert.AreEqual(direct.Records, cached.Records);
        Assert.AreEqual(direct.Numeric[0]!.Count, cached.Features[0].Count);
        Assert.AreEqual(direct.Numeric[0]!.Mean, cached.Features[0].Mean!.Value, 1e-9);
        Assert.AreEqual(direct.Categorical[1]!.Count, cached.Features[1].Count);
        Assert.AreEqual(direct.Versions["v1"], cached.Versions["v1"]);
    }
}
