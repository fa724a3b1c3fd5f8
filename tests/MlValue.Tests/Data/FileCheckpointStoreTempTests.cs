using MlValue.Data;
using MlValue.Tests.Internal;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class FileCheckpointStoreTempTests
{
    [TestMethod]
    public async Task Constructor_StaleTempFilesOfKilledSaves_RemovesOldUnlockedOnesAndKeepsTheCheckpoint()
    {
        using var temp = new TempFolder();
        await new FileCheckpointStore(temp.Path).SaveAsync("spam", "7");
        var stale = StaleTemps.Create(temp.Path, "spam.checkpoint", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var held = StaleTemps.Create(temp.Path, "ham.checkpoint", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));

        FileCheckpointStore reopened;
        using (new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            reopened = new FileCheckpointStore(temp.Path);
        }

        Assert.IsFalse(File.Exists(stale));
        Assert.IsTrue(File.Exists(held), "a temporary file held open by a writer is kept");
        Assert.AreEqual("7", await reopened.LoadAsync("spam"));
    }
}
