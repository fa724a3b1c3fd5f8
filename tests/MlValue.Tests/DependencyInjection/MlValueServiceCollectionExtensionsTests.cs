using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlValue.Tests.DependencyInjection;

[TestClass]
public sealed class MlValueServiceCollectionExtensionsTests
{
    [TestMethod]
    public void AddMlValue_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();
        services.AddMlValue();
        var count = services.Count;

        services.AddMlValue();

        Assert.AreEqual(count, services.Count);
    }

    [TestMethod]
    public void AddMlValue_WithConfiguration_BindsRootDirectory()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MlValue:RootDirectory"] = "models-here" })
            .Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).Services.BuildServiceProvider();

        Assert.AreEqual("models-here", provider.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory);
    }

    [TestMethod]
    public void AddMlValue_EmptyRootDirectory_FailsNamingTheSetting()
    {
        using var provider = new ServiceCollection().AddMlValue(o => o.RootDirectory = " ").Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MlValueOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:RootDirectory");
    }

    [TestMethod]
    public void AddMlValue_ResolvesTimeProvider_SystemByDefault()
    {
        using var provider = new ServiceCollection().AddMlValue().Services.BuildServiceProvider();

        Assert.AreSame(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [TestMethod]
    public void Snapshot_OfOptionsDefaults_ReadsAsDocumentation()
    {
        Support.Snapshot.Verify($"RootDirectory: {new MlValueOptions().RootDirectory}", "txt");
    }
}
