using System.Security.Cryptography;
using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class FileArtifactStoreTests : RegistryTestsBase
{
    [TestMethod]
    public async Task WriteAsync_NewContent_StoresUnderShaFolderAndReadsBack()
    {
        var bytes = "hello model"u8.ToArray();

        var sha = await Fixture.Store.WriteAsync(bytes);

        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
        var expectedPath = Path.Combine(Fixture.Settings.ArtifactDirectory, sha[..2], sha[2..]);
        Assert.IsTrue(File.Exists(expectedPath));
        CollectionAssert.AreEqual(bytes, await Fixture.Store.ReadAsync(sha));
        Assert.IsEmpty(Directory.GetFiles(Fixture.Settings.ArtifactDirectory, FileArtifactStore.TempPrefix + "*", SearchOption.AllDirectories));
    }

    [TestMethod]
    public async Task WriteAsync_IdenticalContent_ReusesTheExistingBlob()
    {
        var sha = await Fixture.Store.WriteAsync("same"u8.ToArray());
        var path = Fixture.BlobPath(sha);
        var marker = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, marker);

        var again = await Fixture.Store.WriteAsync("same"u8.ToArray());

        Assert.AreEqual(sha, again);
        Assert.AreEqual(marker, File.GetLastWriteTimeUtc(path), "an identical blob is reused, not rewritten");
        Assert.HasCount(1, await Fixture.Store.ListAsync());
    }

    [TestMethod]
    public async Task WriteAsync_ExistingBlobCorrupted_ReplacesItWithVerifiedContent()
    {
        var sha = await Fixture.Store.WriteAsync("payload"u8.ToArray());
        await File.WriteAllTextAsync(Fixture.BlobPath(sha), "torn");

        await Fixture.Store.WriteAsync("payload"u8.ToArray());

        CollectionAssert.AreEqual("payload"u8.ToArray(), await Fixture.Store.ReadAsync(sha));
    }

    [TestMethod]
    public async Task ReadAsync_CorruptedBlob_ThrowsWithExpectedAndActualHash()
    {
        var sha = await Fixture.Store.WriteAsync("payload"u8.ToArray());
        await File.WriteAllTextAsync(Fixture.BlobPath(sha), "tampered");

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Store.ReadAsync(sha));

        var expected = sha;
        Assert.AreEqual(expected, error.ExpectedSha256);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData("tampered"u8)), error.ActualSha256);
        StringAssert.Contains(error.Message, sha);
    }

    [TestMethod]
    public async Task ReadAsync_MissingBlob_ThrowsNamingTheAddress()
    {
        var sha = new string('a', 64);

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Store.ReadAsync(sha));

        Assert.IsNull(error.ActualSha256);
        StringAssert.Contains(error.Message, "missing");
    }

    [TestMethod]
    [DataRow("../../etc/passwd")]
    [DataRow("ABCDEF")]
    [DataRow("")]
    public async Task ReadAsync_AddressNotSha256_IsRejected(string address)
    {
        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Store.ReadAsync(address));

        StringAssert.Contains(error.Message, "64 lower-case hex digits");
    }

    [TestMethod]
    public async Task ListAsync_IgnoresTemporaryFilesOfInterruptedWrites()
    {
        var sha = await Fixture.Store.WriteAsync("kept"u8.ToArray());
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(Fixture.BlobPath(sha))!, FileArtifactStore.TempPrefix + "interrupted"), "half");

        var listed = await Fixture.Store.ListAsync();

        CollectionAssert.AreEqual(new[] { sha }, listed.ToArray());
    }
}
