using Microsoft.Extensions.DependencyInjection;
using MlValue.Registry;
using MlValue.Testing;

namespace MlValue.Tests.Registry;

/// <summary>The embedded registry (SQLite metadata, content-addressed artifact folder) passes the registry contract, built through public API only.</summary>
[TestClass]
public sealed class SqliteModelRegistryContractTests : ModelRegistryContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlvalue-contract-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    protected override Task<IModelRegistry> CreateRegistryAsync(TimeProvider timeProvider)
    {
        var services = new ServiceCollection().AddSingleton(timeProvider);
        services.AddMlValue(o => o.RootDirectory = _root).AddModelRegistry().UseSqlite();
        _services = services.BuildServiceProvider();
        return Task.FromResult(_services.GetRequiredService<IModelRegistry>());
    }

    // The artifact folder's documented layout: <root>/registry/artifacts/<first two hex digits>/<the other 62>.
    protected override async Task<bool> CorruptBlobAsync(string sha256)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "registry", "artifacts", sha256[..2], sha256[2..]), "damaged");
        return true;
    }

    [TestCleanup]
    public async Task DeleteRootAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
