using MlValue.Registry;
using MlValue.Tests.Support;

namespace MlValue.Tests.Registry;

/// <summary>The file artifact store flushes the folders whose entries a write changed, so a renamed blob survives a power cut.</summary>
[TestClass]
public sealed class FileArtifactStoreDurabilityTests : TempRootTest
{
    [TestMethod]
    public async Task WriteAsync_NewBlob_FlushesItsFolderAfterTheRename()
    {
        var flushed = new List<(string Folder, bool BlobVisible)>();
        var store = new FileArtifactStore(Path.Combine(Root, "artifacts"))
        {
            FlushFolder = folder => flushed.Add((folder, Directory.GetFiles(folder).Any(f => !Path.GetFileName(f).StartsWith('.')))),
        };

        var sha = await store.WriteAsync("durable"u8.ToArray());

        var blobFolder = Path.GetDirectoryName(store.PathOf(sha));
        Assert.AreEqual((blobFolder, true), flushed[^1], "the blob's folder is flushed after the rename made the blob visible");
        CollectionAssert.Contains(flushed, (store.Directory, false), "the new sub-folder's entry is flushed too");
        flushed.Clear();
        await store.WriteAsync("durable"u8.ToArray());
        Assert.IsEmpty(flushed, "reusing a stored blob renames nothing");
    }
}
