using MlValue.Data;
using MlValue.Testing;

namespace MlValue.Tests.Data;

/// <summary>The file checkpoint store passes the checkpoint-store contract, durability across instances included.</summary>
[TestClass]
public sealed class FileCheckpointStoreContractTests : CheckpointStoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlvalue-checkpoints-contract-").FullName;

    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new FileCheckpointStore(_folder));

    protected override Task<ICheckpointStore?> ReopenStoreAsync() => Task.FromResult<ICheckpointStore?>(new FileCheckpointStore(_folder));

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);
}
