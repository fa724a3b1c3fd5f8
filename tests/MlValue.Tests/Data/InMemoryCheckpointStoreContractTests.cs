using MlValue.Data;
using MlValue.Testing;

namespace MlValue.Tests.Data;

/// <summary>The in-memory checkpoint store passes the checkpoint-store contract; its backing is the instance itself, so reopening it is using it again.</summary>
[TestClass]
public sealed class InMemoryCheckpointStoreContractTests : CheckpointStoreContractTests
{
    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new InMemoryCheckpointStore());

    protected override Task<ICheckpointStore?> ReopenStoreAsync() => Task.FromResult<ICheckpointStore?>(Store);
}
