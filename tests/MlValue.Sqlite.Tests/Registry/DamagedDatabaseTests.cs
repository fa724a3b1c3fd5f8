using MlValue.Registry;

namespace MlValue.Tests.Registry;

/// <summary>A damaged or missing <c>registry.db</c> is refused with a typed error, never reset silently.</summary>
[TestClass]
public sealed class DamagedDatabaseTests : RegistryTestsBase
{
    [TestMethod]
    public async Task RegisterAsync_EmptyDatabaseBesideArtifacts_RefusesAndNeverReusesVersionOne()
    {
        await Fixture.RegisterAsync("spam", "first bytes");
        await Fixture.RegisterAsync("spam", "second bytes");
        Truncate(Fixture.Settings.DatabasePath);
        var reopened = new SqliteModelRegistry(Fixture.Settings, Fixture.Store, Fixture.Time);

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => reopened.RegisterAsync(RegistryFixture.Registration("spam", "third bytes")));

        StringAssert.Contains(error.Message, Fixture.Settings.DatabasePath);
        StringAssert.Contains(error.Message, "is empty (0 bytes)");
        StringAssert.Contains(error.Message, "2 blobs");
        StringAssert.Contains(error.Message, "Restore");
        Assert.AreEqual(Fixture.Settings.DatabasePath, error.StorePath);
        Assert.AreEqual(0, new FileInfo(Fixture.Settings.DatabasePath).Length, "the damaged file is left as found");
        await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => reopened.GetVersionAsync("spam", 1));
    }

    [TestMethod]
    public async Task GetVersionAsync_EmptyDatabaseWithoutArtifacts_Refuses()
    {
        Directory.CreateDirectory(Fixture.Root);
        await File.WriteAllBytesAsync(Fixture.Settings.DatabasePath, []);

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => Fixture.Registry.GetVersionAsync("spam", 1));

        StringAssert.Contains(error.Message, "is empty (0 bytes)");
    }

    [TestMethod]
    public async Task SearchAsync_DatabaseMissingButArtifactsPresent_RefusesNamingWhatWasFound()
    {
        await Fixture.RegisterAsync("spam", "first bytes");
        File.Delete(Fixture.Settings.DatabasePath);
        var reopened = new SqliteModelRegistry(Fixture.Settings, Fixture.Store, Fixture.Time);

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => reopened.SearchAsync(new ModelQuery()));

        StringAssert.Contains(error.Message, "does not exist");
        StringAssert.Contains(error.Message, "1 blob");
        StringAssert.Contains(error.Message, Fixture.Settings.ArtifactDirectory);
        Assert.IsFalse(File.Exists(Fixture.Settings.DatabasePath), "no new, empty registry is created over the artifacts");
    }

    [TestMethod]
    public async Task RegisterAsync_FreshFolder_CreatesTheDatabaseBeforeAnyBlob()
    {
        var version = await Fixture.Registry.RegisterAsync(RegistryFixture.Registration("spam", "bytes"));
        var reopened = new SqliteModelRegistry(Fixture.Settings, Fixture.Store, Fixture.Time);

        Assert.AreEqual(1, version.Version);
        Assert.AreEqual(2, (await reopened.RegisterAsync(RegistryFixture.Registration("spam", "more"))).Version);
        Assert.IsEmpty(Directory.GetFiles(Fixture.Root, "*.new-*"));
    }

    [TestMethod]
    public async Task Operations_FileIsNotADatabase_ThrowRegistryStoreExceptionNamingFileAndOperation()
    {
        await Fixture.RegisterAsync("spam", "bytes");
        await File.WriteAllBytesAsync(Fixture.Settings.DatabasePath, Enumerable.Repeat((byte)'x', 8192).ToArray());
        var registry = new SqliteModelRegistry(Fixture.Settings, Fixture.Store, Fixture.Time);
        (string Operation, Func<Task> Call)[] calls =
        [
            ("GetVersionAsync", () => registry.GetVersionAsync("spam", 1)),
            ("SearchAsync", () => registry.SearchAsync(new ModelQuery())),
            ("RegisterAsync", () => registry.RegisterAsync(RegistryFixture.Registration("spam", "bytes"))),
            ("GetByAliasAsync", () => registry.GetByAliasAsync("spam", "champion")),
        ];

        foreach (var (operation, call) in calls)
        {
            var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(call);

            StringAssert.Contains(error.Message, Fixture.Settings.DatabasePath);
            StringAssert.Contains(error.Message, operation);
            StringAssert.Contains(error.Message, "restore registry.db from a backup");
            Assert.AreEqual(operation, error.Operation);
        }
    }

    [TestMethod]
    public async Task SearchAsync_PagesCorrupted_ThrowsRegistryStoreExceptionSayingMalformed()
    {
        for (var i = 0; i < 40; i++)
        {
            await Fixture.RegisterAsync("spam", "bytes " + i, tags: new Dictionary<string, string> { ["note"] = new string('n', 400) });
        }

        CorruptPagesAfterTheFirst(Fixture.Settings.DatabasePath);

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => Fixture.Registry.SearchAsync(new ModelQuery { ModelName = "spam" }));

        StringAssert.Contains(error.Message, "damaged");
        StringAssert.Contains(error.Message, "SearchAsync");
        Assert.IsInstanceOfType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
    }

    [TestMethod]
    public async Task RegisterAsync_LockHeldPastTheRetries_ThrowsRegistryStoreExceptionSayingRaiseTheBusyTimeout()
    {
        await Fixture.RegisterAsync("spam", "bytes");
        var impatient = new SqliteModelRegistry(Fixture.Settings with { BusyTimeout = TimeSpan.Zero, MaxBusyRetries = 0 }, Fixture.Store, Fixture.Time);
        await impatient.GetVersionAsync("spam", 1);
        using var holder = Fixture.OpenDatabase();
        using var transaction = holder.BeginTransaction(deferred: false);

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => impatient.RegisterAsync(RegistryFixture.Registration("spam", "other")));

        StringAssert.Contains(error.Message, "locked");
        StringAssert.Contains(error.Message, "RegisterAsync");
        StringAssert.Contains(error.Message, "BusyTimeout");
        StringAssert.Contains(error.Message, "MaxBusyRetries");
    }

    internal static void Truncate(string databasePath)
    {
        File.WriteAllBytes(databasePath, []);
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
    }

    internal static void CorruptPagesAfterTheFirst(string databasePath)
    {
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        using var file = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite);
        Assert.IsGreaterThan(3 * 4096L, file.Length, "the database spans several pages");
        var garbage = new byte[4096];
        new Random(10).NextBytes(garbage);
        for (var page = 1L; page * 4096 < file.Length; page++)
        {
            file.Position = page * 4096;
            file.Write(garbage);
        }
    }
}
