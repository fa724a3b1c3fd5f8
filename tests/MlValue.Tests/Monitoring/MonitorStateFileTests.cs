using MlValue.Monitoring;
using MlValue.Tests.Internal;

namespace MlValue.Tests.Monitoring;

/// <summary>The monitor's state folder: stale temporary files, damaged state files and unsafe names.</summary>
[TestClass]
public sealed class MonitorStateFileTests
{
    private string _directory = "";

    [TestInitialize]
    public void CreateFolder() => _directory = Directory.CreateTempSubdirectory("mlvalue-monitor-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public void Constructor_StaleTempFilesOfKilledSaves_RemovesOnlyItsOwnOldUnlockedOnes()
    {
        var clock = MonitorTestData.Clock();
        var old = clock.GetUtcNow() - TimeSpan.FromHours(2);
        var stale = StaleTemps.Create(_directory, "test.monitor", old);
        var young = StaleTemps.Create(_directory, "test.monitor", clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        var held = StaleTemps.Create(_directory, "test.monitor", old);
        var otherMonitor = StaleTemps.Create(_directory, "other.monitor", old);
        var notOurs = Path.Combine(_directory, "notes.tmp");
        File.WriteAllText(notOurs, "a user's file");
        File.SetLastWriteTimeUtc(notOurs, old.UtcDateTime);

        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            MonitorTestData.Monitor(clock, directory: _directory).Dispose();
        }

        Assert.IsFalse(File.Exists(stale), "an old temporary file nobody holds is removed");
        Assert.IsTrue(File.Exists(young), "a young one may belong to a save in progress");
        Assert.IsTrue(File.Exists(held), "one held open by a writer is kept");
        Assert.IsTrue(File.Exists(otherMonitor), "another monitor's files are left to that monitor");
        Assert.IsTrue(File.Exists(notOurs));
    }

    [TestMethod]
    public void Constructor_GarbageStateFile_MessageShowsAHexPrefixNotTheRawBytes()
    {
        var garbage = new byte[256];
        new Random(6).NextBytes(garbage);
        garbage[0] = 40;
        File.WriteAllBytes(Path.Combine(_directory, "test.monitor"), garbage);

        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(MonitorTestData.Clock(), directory: _directory));

        StringAssert.Contains(error.Message, "test.monitor");
        StringAssert.Contains(error.Message, "starts with 0x" + Convert.ToHexStringLower(garbage, 0, 16));
        Assert.IsFalse(error.Message.Any(c => char.IsControl(c) || c == '\uFFFD'), error.Message);
    }

    [TestMethod]
    [DataRow("abc\n")]
    [DataRow("abc\r\n")]
    [DataRow("../escape")]
    [DataRow("a\u200Bb")]
    [DataRow("a\u202Eb")]
    [DataRow("\u0430bc")]
    [DataRow("")]
    public void Constructor_UnsafeName_ThrowsAndCreatesNoFile(string name)
    {
        Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(MonitorTestData.Clock(), directory: _directory, name: name));

        Assert.IsEmpty(Directory.GetFileSystemEntries(_directory));
    }

    [TestMethod]
    public void Constructor_NameTooLong_ThrowsShowingItShortened()
    {
        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(MonitorTestData.Clock(), directory: _directory, name: new string('a', 100_000)));

        Assert.IsLessThan(1_000, error.Message.Length);
    }
}
