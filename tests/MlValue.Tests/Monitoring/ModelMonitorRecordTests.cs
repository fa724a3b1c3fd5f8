using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class ModelMonitorRecordTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [TestMethod]
    public void RecordOutcome_DaysLate_UpdatesPerformanceOfThePredictionsWindow()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
        var row = new Row { Value = 1, Group = "a", Body = "alpha" };
        Assert.AreEqual(RecordStatus.Accepted, monitor.Record(row, 0.9, "v1", "id-1"));
        Assert.AreEqual(RecordStatus.Accepted, monitor.Record(row, 0.2, "v1", "id-2"));
        Assert.AreEqual(0, monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour).Performance.Labeled);

        clock.Advance(TimeSpan.FromDays(3));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("id-1", 1));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("id-2", 1));

        var performance = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour).Performance;
        Assert.AreEqual(2, performance.Labeled);
        Assert.AreEqual(1, performance.TruePositives);
        Assert.AreEqual(1, performance.FalseNegatives);
        Assert.AreEqual(0.5, performance.Accuracy!.Value, 1e-12);
        Assert.AreEqual((-Math.Log(0.9) - Math.Log(0.2)) / 2, performance.LogLoss!.Value, 1e-9);
    }

    [TestMethod]
    public void RecordOutcome_UnknownOrRepeatedId_IsCountedNotDropped()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        monitor.Record(new Row { Value = 1 }, 0.7, "v1", "known");

        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("never-seen", 1));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("known", 0));
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("known", 0));

        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);
        Assert.AreEqual(2, window.UnknownOutcomes);
        Assert.AreEqual(1, window.Performance.Labeled);
    }

    [TestMethod]
    public void RecordOutcome_BinaryOutcomeNotZeroOrOne_ThrowsNamingTheId()
    {
        using var monitor = MonitorTestData.Monitor(MonitorTestData.Clock());

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => monitor.RecordOutcome("id-9", 0.5));
        StringAssert.Contains(error.Message, "id-9");
    }

    [TestMethod]
    public void Record_LateWithinAllowedLateness_LandsInItsEventTimeBucket()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        clock.Advance(TimeSpan.FromMinutes(90));

        var status = monitor.Record(new Row { Value = 3 }, 0.5, "v1", "late", MonitorTestData.Start + TimeSpan.FromMinutes(10));

        Assert.AreEqual(RecordStatus.AcceptedLate, status);
        var first = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);
        Assert.AreEqual(1, first.Records);
        Assert.AreEqual(1, first.LateAccepted);
        Assert.AreEqual(0, monitor.GetWindow(MonitorTestData.Start + Hour, MonitorTestData.Start + (2 * Hour)).Records);
    }

    [TestMethod]
    public void Record_LaterThanAllowedLateness_IsCountedAtArrivalNotStored()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(30));

        var status = monitor.Record(new Row { Value = 3 }, 0.5, "v1", "too-late", MonitorTestData.Start + TimeSpan.FromMinutes(10));

        Assert.AreEqual(RecordStatus.TooLate, status);
        Assert.AreEqual(0, monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour).Records);
        var arrival = monitor.GetWindow(MonitorTestData.Start + (3 * Hour), MonitorTestData.Start + (4 * Hour));
        Assert.AreEqual(1, arrival.TooLate);
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("too-late", 1));
    }

    [TestMethod]
    public void Record_FutureOrInvalidPrediction_IsCountedNotStored()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);

        Assert.AreEqual(RecordStatus.InFuture, monitor.Record(new Row(), 0.5, "v1", "f", MonitorTestData.Start + TimeSpan.FromHours(5)));
        Assert.AreEqual(RecordStatus.InvalidPrediction, monitor.Record(new Row(), double.NaN, "v1", "n"));
        Assert.AreEqual(RecordStatus.InvalidPrediction, monitor.Record(new Row(), 1.5, "v1", "p"));

        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start + Hour);
        Assert.AreEqual(0, window.Records);
        Assert.AreEqual(1, window.InFuture);
        Assert.AreEqual(2, window.InvalidPredictions);
    }

    [TestMethod]
    public void Record_1kVs100kRecordsOverSameSpan_SameBucketsAndBoundedSketches()
    {
        (int Buckets, int Retained) Run(int count)
        {
            var clock = MonitorTestData.Clock();
            using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
            MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(count, 5), TimeSpan.FromDays(10));
            return (monitor.BucketCount, monitor.Ring.All().Max(b => b.Numeric[0]!.Quantiles.Retained));
        }

        var small = Run(1_000);
        var large = Run(100_000);

        Assert.AreEqual(7 * 24, small.Buckets);
        Assert.AreEqual(small.Buckets, large.Buckets);
        Assert.IsTrue(large.Retained <= (3 * MlValue.Monitoring.Sketches.KllSketch.K) + 16, $"retained {large.Retained}");
    }

    [TestMethod]
    public void Record_PendingOutcomes_BoundedByCapacityAndExpiry_AndCounted()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.PendingOutcomeCapacity = 100;
        options.OutcomeExpiry = TimeSpan.FromDays(1);
        using var monitor = MonitorTestData.Monitor(clock, options: options);

        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(250, 3), TimeSpan.FromMinutes(30));
        Assert.AreEqual(100, monitor.PendingOutcomeCount);
        Assert.AreEqual(150, monitor.EvictedPendingOutcomes);
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("r0", 1));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("r249", 1));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("r248", 1));
        Assert.AreEqual(0, monitor.PendingOutcomeCount);
        Assert.AreEqual(99, monitor.ExpiredPendingOutcomes);
    }

    [TestMethod]
    public void GetWindows_TumblingAndSliding_MergeBuckets()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(24 * 10, 4), TimeSpan.FromHours(24));

        var tumbling = monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(6)));
        var sliding = monitor.GetWindows(WindowSpec.Sliding(TimeSpan.FromHours(6), TimeSpan.FromHours(1)));

        CollectionAssert.AreEqual(new long[] { 60, 60, 60, 60 }, tumbling.Select(w => w.Records).ToArray());
        Assert.AreEqual(24, sliding.Count);
        CollectionAssert.AreEqual(new long[] { 10, 20, 30, 40, 50, 60, 60 }, sliding.Take(7).Select(w => w.Records).ToArray());
        Assert.AreEqual(MonitorTestData.Start + TimeSpan.FromHours(18), tumbling[^1].Start);
    }

    [TestMethod]
    public void GetWindow_NotOnBucketBoundary_ThrowsNamingTheSetting()
    {
        using var monitor = MonitorTestData.Monitor(MonitorTestData.Clock());

        var error = Assert.ThrowsExactly<MonitoringException>(() => monitor.GetWindow(MonitorTestData.Start.AddMinutes(5), MonitorTestData.Start.AddHours(1)));
        StringAssert.Contains(error.Message, "MlValue:Monitoring:BucketWidth");
        Assert.ThrowsExactly<MonitoringException>(() => monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromMinutes(90))));
    }

    [TestMethod]
    public void Constructor_ReferenceOfAnotherSchema_ThrowsNamingBoth()
    {
        var other = ReferenceProfile.Build(new MonitorSchema<Row>().Numeric("other", r => r.Value), [new Row { Value = 1 }]);

        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(MonitorTestData.Clock(), other));
        StringAssert.Contains(error.Message, "other=Numeric");
    }
}
