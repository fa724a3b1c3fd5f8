using MlValue.Training;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;
using MlValue.Tests.Support;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class MulticlassMonitorTests
{
    private static readonly string[] Classes = ["clear", "rain", "snow"];

    private string _folder = string.Empty;

    [TestInitialize]
    public void Init() => _folder = Path.Combine(Path.GetTempPath(), "mlvalue-multiclass-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [TestMethod]
    public void GetWindow_MulticlassWithLateLabels_PerClassPerformanceAndClassDrift()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = Monitor(clock, Reference());

        Feed(monitor, clock, count: 300, seed: 2, rainShare: 0.7);
        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddDays(1));

        Assert.AreEqual(300, window.PredictedClasses.Values.Sum());
        Assert.AreEqual(DriftVerdict.Drift, window.Prediction.Verdict, "the reference predicts rain for a third, the window for about 70 %");
        Assert.AreEqual(300, window.Performance.Labeled);
        Assert.AreEqual(PredictionTask.MulticlassClassification, window.Performance.Task);
        CollectionAssert.AreEqual(Classes, window.Performance.Classes.Select(c => c.Class).ToArray());
        Assert.AreEqual(window.Performance.Classes.Average(c => c.F1!.Value), window.Performance.MacroF1!.Value, 1e-12);
    }

    [TestMethod]
    public void Merge_TwoBucketsOfClasses_EqualsTheWholeDay()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = Monitor(clock, Reference());
        Feed(monitor, clock, count: 200, seed: 3, rainShare: 0.5);

        var day = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddDays(1));
        var halves = monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(12))).Where(w => w.Start < MonitorTestData.Start.AddDays(1)).ToList();

        foreach (var name in Classes)
        {
            Assert.AreEqual(day.PredictedClasses.GetValueOrDefault(name), halves.Sum(w => w.PredictedClasses.GetValueOrDefault(name)), name);
            Assert.AreEqual(day.Performance.Classes.Single(c => c.Class == name).TruePositives, halves.Sum(w => w.Performance.Classes.SingleOrDefault(c => c.Class == name)?.TruePositives ?? 0), name);
        }
    }

    [TestMethod]
    public void SaveAndLoad_MulticlassBucketsAndPendingClasses_RoundTrip()
    {
        var clock = MonitorTestData.Clock();
        MonitorWindow before;
        using (var monitor = Monitor(clock, Reference(), _folder))
        {
            Feed(monitor, clock, count: 120, seed: 4, rainShare: 0.4, label: false);
            monitor.RecordOutcome("r-0", "snow");
            before = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddDays(1));
        }

        using var loaded = Monitor(clock, Reference(), _folder);
        Assert.AreEqual(OutcomeStatus.Recorded, loaded.RecordOutcome("r-1", "rain"), "the pending prediction kept its class");
        var after = loaded.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddDays(1));

        CollectionAssert.AreEqual(before.PredictedClasses.ToList(), after.PredictedClasses.ToList());
        Assert.AreEqual(2, after.Performance.Labeled);
    }

    [TestMethod]
    public void Load_StateFileOfFormatVersion1_Loads()
    {
        var clock = MonitorTestData.Clock();
        var path = Path.Combine(_folder, "test.monitor");
        Directory.CreateDirectory(_folder);
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "monitor", "v2-no-reference.monitor"));
        Assert.AreEqual(2, BitConverter.ToInt32(bytes, 7), "the format version follows the 7-byte magic");
        File.WriteAllBytes(path, AsVersion1(bytes, pendingIds: Enumerable.Range(100, 200).Select(i => "r" + i)));

        using var loaded = MonitorTestData.Monitor(clock, directory: _folder);
        var window = loaded.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(3));

        Assert.AreEqual(300, window.Records);
        Assert.AreEqual(100, window.Performance.Labeled);
    }

    /// <summary>A binary monitor's version 2 file as version 1 wrote it: the same body but pending outcomes without a predicted class (the fixture's pending ids, in order, are given).</summary>
    private static byte[] AsVersion1(byte[] frame, IEnumerable<string> pendingIds)
    {
        var body = frame.AsSpan(15, BitConverter.ToInt32(frame, 11)).ToArray();
        var entries = pendingIds.Select(id => 1 + id.Length + 24).ToList();
        var start = body.Length - entries.Sum() - entries.Count;
        using var output = new MemoryStream();
        output.Write(body, 0, start);
        foreach (var length in entries)
        {
            output.Write(body, start, length);
            start += length + 1; // the empty predicted class
        }

        var v1 = output.ToArray();
        using var frameOut = new MemoryStream();
        frameOut.Write(frame, 0, 7);
        frameOut.Write(BitConverter.GetBytes(1));
        frameOut.Write(BitConverter.GetBytes(v1.Length));
        frameOut.Write(v1);
        frameOut.Write(BitConverter.GetBytes(System.IO.Hashing.XxHash64.HashToUInt64(v1)));
        return frameOut.ToArray();
    }

    [TestMethod]
    public void Record_NumberOnMulticlassMonitor_ThrowsNamingTheClassOverload()
    {
        using var monitor = Monitor(MonitorTestData.Clock(), null);

        var error = Assert.ThrowsExactly<MonitoringException>(() => monitor.Record(new Weather(), 0.5, "1", "x"));

        StringAssert.Contains(error.Message, "string predictedClass");
    }

    [TestMethod]
    public void BuildMulticlass_BinarySchema_ThrowsNamingBuild()
    {
        var error = Assert.ThrowsExactly<MonitoringException>(() => ReferenceProfile.BuildMulticlass(MonitorTestData.Schema(), MonitorTestData.Rows(10, 1), _ => "a"));

        StringAssert.Contains(error.Message, "ReferenceProfile.Build(");
    }

    [TestMethod]
    public void Snapshot_MulticlassWindowReport_ShowsClassDistributionAndPerClassTable()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = Monitor(clock, Reference());
        Feed(monitor, clock, count: 150, seed: 7, rainShare: 0.6);

        var windows = monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromDays(1)));
        var html = MonitorReport.ToHtml("weather", windows);

        StringAssert.Contains(html, "<th>class</th>");
        Snapshot.Verify(MonitorReport.ToMarkdown("weather", windows));
    }

    internal static ModelMonitor<Weather> Monitor(FakeTimeProvider clock, ReferenceProfile? reference, string? folder = null, string name = "weather")
        => new(name, Schema(), reference, MonitorTestData.Options(), clock, folder);

    internal static MonitorSchema<Weather> Schema() => new MonitorSchema<Weather>(PredictionTask.MulticlassClassification).Numeric("temperature", w => w.Temperature);

    internal static ReferenceProfile Reference()
        => ReferenceProfile.BuildMulticlass(Schema(), Days(600, seed: 1, rainShare: 1 / 3.0), w => w.Actual);

    /// <summary>Records <paramref name="count"/> days over the first day (one every 5 minutes), predicted right four times in five, then (after two days) their labels.</summary>
    private static void Feed(ModelMonitor<Weather> monitor, FakeTimeProvider clock, int count, int seed, double rainShare, bool label = true)
    {
        var days = Days(count, seed, rainShare);
        var random = new Random(seed);
        for (var i = 0; i < days.Count; i++)
        {
            var predicted = random.NextDouble() < 0.8 ? days[i].Actual : Classes[(Array.IndexOf(Classes, days[i].Actual) + 1) % 3];
            monitor.Record(days[i], predicted, "1", "r-" + i, MonitorTestData.Start.AddMinutes(4 * i));
            clock.SetUtcNow(MonitorTestData.Start.AddMinutes(4 * i));
        }

        clock.Advance(TimeSpan.FromDays(2));
        for (var i = 0; label && i < days.Count; i++)
        {
            monitor.RecordOutcome("r-" + i, days[i].Actual);
        }
    }

    private static List<Weather> Days(int count, int seed, double rainShare)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var actual = random.NextDouble() < rainShare ? "rain" : Classes[random.Next(2) * 2];
            return new Weather { Temperature = Math.Round((random.NextDouble() * 20) - 5, 1), Actual = actual };
        })];
    }

    /// <summary>One monitored multiclass input.</summary>
    public sealed class Weather
    {
        public double Temperature { get; init; }

        public string Actual { get; init; } = "clear";
    }
}
