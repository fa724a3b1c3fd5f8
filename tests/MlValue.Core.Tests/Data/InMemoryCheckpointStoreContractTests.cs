using MlValue.Data;
using MlValue.Testing;

namespace MlValue.Tests.Data;

/// <summary>The in-memory checkpoint store passes the checkpoint-store contract (it keeps nothing beyond its instance, so the reopen test is inconclusive).</summary>
[TestClass]
public sealed class InMemoryCheckpointStoreContractTests : CheckpointStoreContractTests
{
    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(new InMemoryCheckpointStore());
}
