using MlValue.State;
using MlValue.Testing;

namespace MlValue.Tests.State;

/// <summary>The in-memory state store passes the state-store contract.</summary>
[TestClass]
public sealed class InMemoryStateStoreContractTests : StateStoreContractTests
{
    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(new InMemoryStateStore());
}
