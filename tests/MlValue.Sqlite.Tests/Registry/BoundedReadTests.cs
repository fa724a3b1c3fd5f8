using System.Security.Cryptography;
using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class BoundedReadTests : RegistryTestsBase
{
    [TestMethod]
    public async Task ReadBoundedAsync_FileStoreRecordedSize_ReadsTheBlob()
    {
        var sha = await Fixture.Store.WriteAsync("bounded"u8.ToArray());

        CollectionAssert.AreEqual("bounded"u8.ToArray(), await Fixture.Store.ReadBoundedAsync(sha, 7));
    }

    [TestMethod]
    public async Task ReadBoundedAsync_FileStoreOtherSize_RefusesBeforeReading()
    {
        var sha = await Fixture.Store.WriteAsync("bounded"u8.ToArray());

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => Fixture.Store.ReadBoundedAsync(sha, 3));

        Assert.AreEqual("the blob holds 7 bytes, not the 3 recorded", error.Problem);
    }

    [TestMethod]
    public async Task ReadBoundedAsync_StoreWithoutOverride_ChecksTheLengthAfterTheRead()
    {
        IArtifactStore store = new OneBlobStore("blob"u8.ToArray());
        var expected = Convert.ToHexStringLower(SHA256.HashData("blob"u8));

        CollectionAssert.AreEqual("blob"u8.ToArray(), await store.ReadBoundedAsync(expected, 4));
        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => store.ReadBoundedAsync(expected, 5));
        Assert.AreEqual("the blob holds 4 bytes, not the 5 recorded", error.Problem);
        Assert.AreEqual(expected, error.ExpectedSha256);
    }

    /// <summary>A third-party store that implements only the original members.</summary>
    private sealed class OneBlobStore(byte[] content) : IArtifactStore
    {
        public Task<string> WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(content);

        public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>([]);
    }
}
