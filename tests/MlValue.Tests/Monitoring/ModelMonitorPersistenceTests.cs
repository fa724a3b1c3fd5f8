using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class ModelMonitorPersistenceTests
{
    private string _directory = "";

    [TestInitialize]
    public void CreateFolder() => _directory = Path.Combine(Path.GetTempPath(), "mlvalue-monitor-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void DeleteFolder()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestMethod]
    public async Task SaveAsync_ThenNewMonitorFromSameFolder_SameWindowsAndPendingOutcomes()
    {
        var reference = MonitorTestData.Reference();
        var clock = MonitorTestData.Clock();
        string before;
        using (var monitor = MonitorTestData.Monitor(clock, reference, directory: _directory))
        {
            MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(2000, 7, mean: 0.5), TimeSpan.FromHours(5));
            for (var i = 0; i < 500; i++)
            {
                monitor.RecordOutcome("r" + i, i % 3 == 0 ? 1 : 0);
            }

            monitor.RecordOutcome("ghost", 1);
            await monitor.SaveAsync();
            before = MonitorReport.ToMarkdown("m", monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(1))));
        }

        using var restarted = MonitorTestData.Monitor(clock, reference, directory: _directory);
        var after = MonitorReport.ToMarkdown("m", restarted.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(1))));

        Assert.AreEqual(before, after);
        Assert.AreEqual(1500, restarted.PendingOutcomeCount);
        Assert.AreEqual(OutcomeStatus.Recorded, restarted.RecordOutcome("r1999", 1));
        Assert.IsTrue(File.Exists(Path.Combine(_directory, "test.monitor")));
        Assert.IsEmpty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [TestMethod]
    public void SaveInterval_Elapses_SavesWithoutBeingAsked()
    {
        var clock = MonitorTestData.Clock();
        var options = MonitorTestData.Options();
        options.SaveInterval = TimeSpan.FromMinutes(5);
        using var monitor = MonitorTestData.Monitor(clock, options: options, directory: _directory);
        monitor.Record(new Row { Value = 1 }, 0.5, "v1", "a");

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.IsTrue(File.Exists(monitor.StatePath));
    }

    [TestMethod]
    public void Constructor_CorruptedStateFile_ThrowsSayingHowToRecover()
    {
        Directory.CreateDirectory(_directory);
        var clock = MonitorTestData.Clock();
        using (var monitor = MonitorTestData.Monitor(clock, directory: _directory))
        {
            monitor.Record(new Row { Value = 1 }, 0.5, "v1", "a");
        }

        var path = Path.Combine(_directory, "test.monitor");
        var bytes = File.ReadAllBytes(path);
        bytes[^12] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(clock, directory: _directory));
        StringAssert.Contains(error.Message, "test.monitor");
        StringAssert.Contains(error.Message, "corrupted");
    }

    [TestMethod]
    public void ReferenceProfile_ToBytesFromBytes_GivesSameVerdicts()
    {
        var reference = MonitorTestData.Reference();
        var loaded = ReferenceProfile.FromBytes(reference.ToBytes());
        var rows = MonitorTestData.Rows(800, 3, mean: 0.7);

        string Verdicts(ReferenceProfile profile)
        {
            var clock = MonitorTestData.Clock();
            using var monitor = MonitorTestData.Monitor(clock, profile);
            MonitorTestData.RecordSpread(monitor, clock, rows, TimeSpan.FromHours(1));
            var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(1));
            return MonitorReport.DriftMarkdown(window.Features.Append(window.Prediction));
        }

        Assert.AreEqual(reference.RecordCount, loaded.RecordCount);
        CollectionAssert.AreEqual(reference.FeatureNames.ToList(), loaded.FeatureNames.ToList());
        Assert.AreEqual(Verdicts(reference), Verdicts(loaded));
    }

    [TestMethod]
    public void ReferenceProfile_FromBytesOfSomethingElse_ThrowsTyped()
    {
        var bytes = MonitorTestData.Reference(200).ToBytes();

        Assert.ThrowsExactly<MonitoringException>(() => ReferenceProfile.FromBytes([1, 2, 3]));
        Assert.ThrowsExactly<MonitoringException>(() => ReferenceProfile.FromBytes(bytes[..(bytes.Length / 2)]));
    }
}
