using MlValue.Data;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class CheckpointStoreTests
{
    [TestMethod]
    public async Task FileStore_SaveThenLoadInNewInstance_ReturnsLastCheckpoint()
    {
        using var temp = new TempFolder();
        await new FileCheckpointStore(temp.Path).SaveAsync("spam", "1");
        await new FileCheckpointStore(temp.Path).SaveAsync("spam", "2");

        Assert.AreEqual("2", await new FileCheckpointStore(temp.Path).LoadAsync("spam"));
        Assert.IsNull(await new FileCheckpointStore(temp.Path).LoadAsync("other"));
        Assert.IsEmpty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [TestMethod]
    [DataRow("../escape")]
    [DataRow("a/b")]
    [DataRow(".hidden")]
    [DataRow("")]
    public async Task FileStore_UnsafeSourceName_ThrowsArgumentException(string name)
    {
        using var temp = new TempFolder();
        var error = await Assert.ThrowsExactlyAsync<ArgumentException>(() => new FileCheckpointStore(temp.Path).SaveAsync(name, "1"));
        StringAssert.Contains(error.Message, "letters, digits");
    }

    [TestMethod]
    public async Task FileStore_RootIsAFile_ThrowsDataSourceExceptionNamingPath()
    {
        using var temp = new TempFolder();
        var blocker = temp.File("blocker");
        await File.WriteAllTextAsync(blocker, "x");

        var error = await Assert.ThrowsExactlyAsync<DataSourceException>(() => new FileCheckpointStore(blocker).SaveAsync("spam", "1"));
        StringAssert.Contains(error.Message, "spam");
        StringAssert.Contains(error.Message, "writable");
    }
}
