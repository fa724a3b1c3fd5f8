using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlValue.Diagnostics;
using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

/// <summary>The request path: allocation, thread safety and telemetry (one class, so no other test's listener runs meanwhile).</summary>
[TestClass]
public sealed class ModelMonitorHotPathTests
{
    [TestMethod]
    public void Record_SteadyState_AllocatesNothingPerCall()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.PendingOutcomeCapacity = 1000;
        // A meter of its own, which no other test listens to: a listener's callbacks would run (and allocate) on this thread.
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), options, name: "allocation", meterFactory: metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var rows = MonitorTestData.Rows(64, 9);
        var ids = Enumerable.Range(0, 120_000).Select(i => "id-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < 100_000; i++)
        {
            monitor.Record(rows[i % rows.Count], 0.5, "v1", ids[i]);
        }

        const int Calls = 20_000;
        var heightBefore = monitor.Ring.All().Single().Numeric[0]!.Quantiles.Height;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100_000; i < 100_000 + Calls; i++)
        {
            monitor.Record(rows[i % rows.Count], 0.5, "v1", ids[i]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The only allocation allowed is a quantile sketch's new level (one per doubling of the bucket's count, per
        // sketch): its one buffer is reallocated at the new level count's bound, at most MaxBufferItems values.
        var newLevels = monitor.Ring.All().Single().Numeric[0]!.Quantiles.Height - heightBefore;
        var levelBytes = (MlValue.Monitoring.Sketches.KllSketch.MaxBufferItems * sizeof(double)) + 128;
        Assert.IsTrue(allocated <= newLevels * 3 * levelBytes, $"Record allocated {allocated} bytes in {Calls} calls ({newLevels} new sketch levels)");
        Assert.IsTrue((double)allocated / Calls < 1, $"{(double)allocated / Calls:0.###} bytes per call");
    }

    [TestMethod]
    public void Record_FromManyThreads_CountsEveryRecord()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, name: "threads");
        var rows = MonitorTestData.Rows(100, 8);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (var i = 0; i < 5000; i++)
            {
                monitor.Record(rows[i % rows.Count], 0.5, "v" + (t % 2), t + "-" + i, MonitorTestData.Start.AddMinutes(i % 120));
            }
        });

        var windows = monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(2)));
        Assert.AreEqual(20_000, windows.Sum(w => w.Records));
        Assert.AreEqual(20_000, windows.Sum(w => w.Features[0].Count + w.Features[0].Missing));
        Assert.AreEqual(10_000, windows[0].Versions["v0"]);
    }

    [TestMethod]
    public void Record_PublishesCountersAndDriftGauge_OnTheMlValueMeter()
    {
        using var records = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.monitor.records");
        using var late = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.monitor.late_records");
        using var unknown = new MetricCollector<long>(MlValueTelemetry.Meter, "mlvalue.monitor.unknown_outcomes");
        using var drift = new MetricCollector<double>(MlValueTelemetry.Meter, "mlvalue.monitor.drift_score");
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), name: "metrics");
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 4, mean: 2), TimeSpan.FromMinutes(50));
        clock.Advance(TimeSpan.FromHours(5));
        monitor.Record(new Row(), 0.5, "v1", "late", MonitorTestData.Start);
        monitor.RecordOutcome("missing", 1);

        monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(1));
        drift.RecordObservableInstruments();

        static bool Mine<T>(CollectedMeasurement<T> m)
            where T : struct => Equals(m.Tags["mlvalue.monitor.name"], "metrics");
        Assert.AreEqual(300, records.GetMeasurementSnapshot().Where(Mine).Sum(m => m.Value));
        Assert.AreEqual(1, late.GetMeasurementSnapshot().Where(Mine).Sum(m => m.Value));
        Assert.AreEqual(1, unknown.GetMeasurementSnapshot().Where(Mine).Sum(m => m.Value));
        var psi = drift.GetMeasurementSnapshot().Where(Mine).Single(m => Equals(m.Tags["mlvalue.feature"], "value") && Equals(m.Tags["mlvalue.metric"], "psi"));
        Assert.IsTrue(psi.Value > 0.1, $"psi {psi.Value}");
    }
}
