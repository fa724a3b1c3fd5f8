using MlValue.Monitoring;
using MlValue.Tests.Support;

namespace MlValue.Tests.Monitoring;

/// <summary>The reference history: rebasing, which windows use which reference, and state files across references.</summary>
[TestClass]
public sealed class MonitorReferenceTests
{
    private string _directory = "";

    [TestInitialize]
    public void CreateFolder() => _directory = Directory.CreateTempSubdirectory("mlvalue-reference-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    internal static ReferenceProfile Shifted() => ReferenceProfile.Build(MonitorTestData.Schema(), MonitorTestData.Rows(2000, 2, mean: 3), MonitorTestData.Score);

    [TestMethod]
    public void Rebase_ChampionChange_DriftAfterIsAgainstTheNewReferenceAndTheWindowBeforeKeepsTheOld()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference());
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 3), TimeSpan.FromHours(1), "a");

        monitor.Rebase("2", Shifted());
        clock.SetUtcNow(MonitorTestData.Start.AddHours(1));
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 4, mean: 3), TimeSpan.FromHours(1), "b");
        var before = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(1));
        var after = monitor.GetWindow(MonitorTestData.Start.AddHours(1), MonitorTestData.Start.AddHours(2));
        var spanning = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(2));

        Assert.IsNull(before.ReferenceVersion);
        Assert.AreEqual(DriftVerdict.Stable, before.Features[0].Verdict, before.Features[0].Reason);
        Assert.AreEqual(0, before.Features[0].ReferenceMean!.Value, 0.1);
        Assert.AreEqual("2", after.ReferenceVersion);
        Assert.AreEqual(DriftVerdict.Stable, after.Features[0].Verdict, after.Features[0].Reason);
        Assert.AreEqual(3, after.Features[0].ReferenceMean!.Value, 0.1);
        Assert.AreEqual("2", spanning.ReferenceVersion);
        Assert.AreEqual(600, spanning.Records);
        Assert.AreEqual(300, spanning.Features[0].Count, "a window spanning a rebase compares the records of its newest reference");
        Assert.AreEqual(MonitorTestData.Start.AddHours(1), monitor.References[^1].From);
    }

    [TestMethod]
    public void Rebase_SameVersionAndProfileAgain_KeepsOneEntry()
    {
        using var monitor = MonitorTestData.Monitor(MonitorTestData.Clock());
        var profile = MonitorTestData.Reference(500);

        monitor.Rebase("1", profile);
        monitor.Rebase("1", ReferenceProfile.FromBytes(profile.ToBytes()));

        Assert.HasCount(2, monitor.References);
        Assert.AreEqual(MonitorTestData.Start, monitor.References[1].From, "nothing was recorded in the current bucket, so the reference applies to it");
    }

    [TestMethod]
    public async Task Load_StateSavedWithoutReference_LoadsOnceOneIsGivenAndKeepsTheHistory()
    {
        var clock = MonitorTestData.Clock();
        using (var monitor = MonitorTestData.Monitor(clock, directory: _directory))
        {
            MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 5), TimeSpan.FromHours(1));
            await monitor.SaveAsync();
        }

        clock.SetUtcNow(MonitorTestData.Start.AddHours(1));
        using var restarted = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), directory: _directory);
        MonitorTestData.RecordSpread(restarted, clock, MonitorTestData.Rows(300, 6), TimeSpan.FromHours(1), "b");
        var old = restarted.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(1));
        var current = restarted.GetWindow(MonitorTestData.Start.AddHours(1), MonitorTestData.Start.AddHours(2));

        Assert.AreEqual(300, old.Records);
        Assert.AreEqual(DriftVerdict.NoReference, old.Features[0].Verdict);
        Assert.AreEqual(DriftVerdict.Stable, current.Features[0].Verdict, current.Features[0].Reason);
        Assert.HasCount(2, restarted.References);
        Assert.IsNull(restarted.References[0].Profile);
        Assert.AreEqual(MonitorTestData.Start.AddHours(1), restarted.References[1].From);
    }

    [TestMethod]
    public void Load_RebasedStateSavedAndLoaded_KeepsEachBucketsReference()
    {
        var clock = MonitorTestData.Clock();
        string before;
        using (var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), directory: _directory))
        {
            MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 3), TimeSpan.FromHours(1), "a");
            monitor.Rebase("2", Shifted());
            clock.SetUtcNow(MonitorTestData.Start.AddHours(1));
            MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(300, 4, mean: 3), TimeSpan.FromHours(1), "b");
            before = MonitorReport.ToMarkdown("m", monitor.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(1))));
        }

        using var restarted = MonitorTestData.Monitor(clock, directory: _directory);
        var after = MonitorReport.ToMarkdown("m", restarted.GetWindows(WindowSpec.Tumbling(TimeSpan.FromHours(1))));

        Assert.AreEqual(before, after);
        Assert.AreEqual(MonitorReference.ToMarkdown([new MonitorReference { Profile = MonitorTestData.Reference() }, new MonitorReference { Version = "2", From = MonitorTestData.Start.AddHours(1), Profile = Shifted() }]), MonitorReference.ToMarkdown(restarted.References));
    }

    [TestMethod]
    [DataRow("v2-no-reference.monitor")]
    [DataRow("v2-reference.monitor")]
    public void Load_StateFileOfFormatVersion2_LoadsWithAReference(string file)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "monitor", file), Path.Combine(_directory, "test.monitor"));
        var clock = MonitorTestData.Clock();
        clock.SetUtcNow(MonitorTestData.Start.AddHours(3));

        using var monitor = MonitorTestData.Monitor(clock, MonitorTestData.Reference(), directory: _directory);
        var window = monitor.GetWindow(MonitorTestData.Start, MonitorTestData.Start.AddHours(3));

        Assert.AreEqual(300, window.Records);
        Assert.AreEqual(100, window.Performance.Labeled);
        Assert.AreEqual(file.Contains("no-", StringComparison.Ordinal) ? 2 : 1, monitor.References.Count);
    }

    [TestMethod]
    public void Snapshot_ReferenceHistory_ReadsAsATable()
    {
        var clock = MonitorTestData.Clock();
        using var monitor = MonitorTestData.Monitor(clock);
        monitor.Rebase("1", MonitorTestData.Reference(500));
        MonitorTestData.RecordSpread(monitor, clock, MonitorTestData.Rows(50, 3), TimeSpan.FromHours(1));
        clock.SetUtcNow(MonitorTestData.Start.AddDays(1));
        monitor.Rebase("2", null, "version 2 of model 'spam-filter' has no 'reference-profile' attachment");
        clock.Advance(TimeSpan.FromHours(5));
        monitor.Rebase("3", Shifted());

        Snapshot.Verify(MonitorReference.ToMarkdown(monitor.References));
    }
}
