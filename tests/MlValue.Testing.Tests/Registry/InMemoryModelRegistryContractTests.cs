using MlValue.Registry;
using MlValue.Testing;

namespace MlValue.Tests.Registry;

/// <summary>The testing package's in-memory registry passes the same registry contract as the embedded one.</summary>
[TestClass]
public sealed class InMemoryModelRegistryContractTests : ModelRegistryContractTests
{
    private InMemoryModelRegistry? _registry;

    protected override Task<IModelRegistry> CreateRegistryAsync(TimeProvider timeProvider)
        => Task.FromResult<IModelRegistry>(_registry = new InMemoryModelRegistry(timeProvider));

    protected override Task<bool> CorruptBlobAsync(string sha256) => Task.FromResult(_registry!.CorruptBlob(sha256));
}
