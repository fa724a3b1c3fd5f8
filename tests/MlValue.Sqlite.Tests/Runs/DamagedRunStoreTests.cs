using MlValue.Runs;
using MlValue.Tests.Registry;

namespace MlValue.Tests.Runs;

/// <summary>A damaged <c>runs.db</c> is refused with a <see cref="RunStoreException"/>, never reset silently.</summary>
[TestClass]
public sealed class DamagedRunStoreTests : RunStoreTestsBase
{
    [TestMethod]
    public async Task Constructor_EmptyDatabaseFile_ThrowsRunStoreExceptionAndKeepsTheFile()
    {
        var store = new SqliteRunStore(DbPath);
        await store.CreateAsync("spam", null, "manual", ["train"], Now);
        DamagedDatabaseTests.Truncate(DbPath);

        var error = Assert.ThrowsExactly<RunStoreException>(() => new SqliteRunStore(DbPath));

        StringAssert.Contains(error.Message, DbPath);
        StringAssert.Contains(error.Message, "is empty (0 bytes)");
        StringAssert.Contains(error.Message, "Restore");
        Assert.AreEqual(0, new FileInfo(DbPath).Length);
    }

    [TestMethod]
    public void Constructor_NewFolder_CreatesTheStoreWithoutLeftovers()
    {
        _ = new SqliteRunStore(DbPath);

        Assert.IsGreaterThan(0L, new FileInfo(DbPath).Length);
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(DbPath)!, "*.new-*"));
    }

    [TestMethod]
    public async Task ListAsync_PagesCorrupted_ThrowsRunStoreExceptionNamingFileAndOperation()
    {
        var store = new SqliteRunStore(DbPath);
        for (var i = 0; i < 60; i++)
        {
            await store.CreateAsync("spam", null, "manual", [.. Enumerable.Range(0, 20).Select(s => "step-" + s)], Now);
        }

        DamagedDatabaseTests.CorruptPagesAfterTheFirst(DbPath);

        var error = await Assert.ThrowsExactlyAsync<RunStoreException>(() => store.ListAsync("spam"));

        StringAssert.Contains(error.Message, DbPath);
        StringAssert.Contains(error.Message, "ListAsync");
        StringAssert.Contains(error.Message, "damaged");
        StringAssert.Contains(error.Message, "backup");
    }

    [TestMethod]
    public async Task CreateAsync_FileIsNotADatabase_ThrowsRunStoreException()
    {
        var store = new SqliteRunStore(DbPath);
        await File.WriteAllBytesAsync(DbPath, Enumerable.Repeat((byte)'x', 8192).ToArray());
        File.Delete(DbPath + "-wal");

        var error = await Assert.ThrowsExactlyAsync<RunStoreException>(() => store.CreateAsync("spam", null, "manual", ["train"], Now));

        StringAssert.Contains(error.Message, DbPath);
    }
}
