using MlValue.Runs;
using MlValue.Testing;

namespace MlValue.Tests.Runs;

/// <summary>The in-memory run store passes the run-store contract.</summary>
[TestClass]
public sealed class InMemoryRunStoreContractTests : RunStoreContractTests
{
    protected override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new InMemoryRunStore());
}
