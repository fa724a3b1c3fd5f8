using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class ModelRegistryBuilderExtensionsTests
{
    private string _root = null!;

    [TestInitialize]
    public void Initialize() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-registry-di-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public async Task AddModelRegistry_Resolved_RegistersUnderTheGivenRoot()
    {
        // Snippet for docs/registry.md
        var services = new ServiceCollection();
        services.AddMlValue().UseSqlite().AddModelRegistry(o => o.RootDirectory = _root);
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IModelRegistry>();

        var version = await registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam-filter",
            Artifact = new ModelArtifact("mlnet-zip", "model bytes"u8),
            TrainerName = "sdca-logistic",
            TrainingDatasetIds = ["ds-train"],
            Metrics = new Dictionary<string, double> { ["auc"] = 0.95 },
        });
        await registry.SetAliasAsync("spam-filter", "champion", version.Version, expectedCurrentVersion: null, "first model");
        var lineage = await provider.GetRequiredService<IModelRegistryMaintenance>().GetLineageAsync("spam-filter", version.Version);
        var markdown = RegistryMarkdown.Lineage(lineage!);

        Assert.IsTrue(File.Exists(Path.Combine(_root, "registry.db")));
        Assert.IsTrue(Directory.Exists(Path.Combine(_root, "artifacts")));
        Assert.AreSame<object>(registry, provider.GetRequiredService<IModelRegistryMaintenance>());
        Assert.IsInstanceOfType<FileArtifactStore>(provider.GetRequiredService<IArtifactStore>());
        StringAssert.Contains(markdown, "first model");
    }

    [TestMethod]
    public void AddModelRegistry_NoRootGiven_DefaultsToRegistryUnderMlValueRoot()
    {
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = _root).UseSqlite().AddModelRegistry();
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<RegistrySettings>();

        Assert.AreEqual(Path.Combine(_root, "registry"), settings.RootDirectory);
    }

    [TestMethod]
    public void AddModelRegistry_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddMlValue().UseSqlite().AddModelRegistry();
        var count = services.Count;

        builder.AddModelRegistry();

        Assert.AreEqual(count, services.Count);
    }

    [TestMethod]
    public void AddModelRegistry_BindsFromConfigurationSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MlValue:Registry:RootDirectory"] = _root, ["MlValue:Registry:MaxBusyRetries"] = "3" })
            .Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).UseSqlite().AddModelRegistry().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value;

        Assert.AreEqual(_root, options.RootDirectory);
        Assert.AreEqual(3, options.MaxBusyRetries);
    }

    [TestMethod]
    public async Task AddModelRegistry_InvalidOptions_FailAtStartUpNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddMlValue().UseSqlite().AddModelRegistry(o =>
        {
            o.MaxBusyRetries = -1;
            o.BusyTimeout = TimeSpan.FromHours(1);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());

        StringAssert.Contains(error.Message, "MlValue:Registry:MaxBusyRetries must be between 0 and 100; it is -1");
        StringAssert.Contains(error.Message, "MlValue:Registry:BusyTimeout");
    }

    [TestMethod]
    public async Task AddModelRegistry_NoStoreRegistered_FailsAtStartUpNamingUseSqlite()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddMlValue(o => o.RootDirectory = _root).AddModelRegistry();
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());

        StringAssert.Contains(error.Message, "no model registry store is registered");
        StringAssert.Contains(error.Message, "UseSqlite()");
    }

    [TestMethod]
    public void UseSqlite_StoreRegisteredBefore_KeepsThatStore()
    {
        var services = new ServiceCollection();
        var own = new MlValue.Testing.InMemoryModelRegistry(new FakeTimeProvider());
        services.AddSingleton<IModelRegistry>(own);
        services.AddMlValue(o => o.RootDirectory = _root).UseSqlite();
        using var provider = services.BuildServiceProvider();

        Assert.AreSame(own, provider.GetRequiredService<IModelRegistry>());
        Assert.IsFalse(File.Exists(Path.Combine(_root, "registry", "registry.db")));
    }
}
