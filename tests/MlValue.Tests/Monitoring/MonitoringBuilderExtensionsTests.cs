using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlValue.Monitoring;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class MonitoringBuilderExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(MonitorTestData.Start));
        services.AddMlValue(configuration.GetSection("MlValue"))
            .AddModelMonitor("spam-filter", MonitorTestData.Schema(), _ => null)
            .AddModelMonitor("other", MonitorTestData.Schema(), _ => null);
        return services.BuildServiceProvider();
    }

    [TestMethod]
    public void AddModelMonitor_WithConfiguration_BindsOptionsAndStoresUnderRootDirectory()
    {
        var root = Path.Combine(Path.GetTempPath(), "mlvalue-di-" + Guid.NewGuid().ToString("N"));
        using var provider = Build(new() { ["MlValue:RootDirectory"] = root, ["MlValue:Monitoring:BucketWidth"] = "00:30:00", ["MlValue:Monitoring:MinSampleSize"] = "50" });

        var monitor = (ModelMonitor<Row>)provider.GetRequiredKeyedService<IModelMonitor<Row>>("spam-filter");
        var other = (ModelMonitor<Row>)provider.GetRequiredKeyedService<IModelMonitor<Row>>("other");
        var unkeyed = Assert.ThrowsExactly<MonitoringException>(() => provider.GetRequiredService<IModelMonitor<Row>>());

        Assert.AreEqual(TimeSpan.FromMinutes(30), provider.GetRequiredService<IOptions<MonitoringOptions>>().Value.BucketWidth);
        Assert.AreEqual(50, provider.GetRequiredService<IOptions<MonitoringOptions>>().Value.MinSampleSize);
        Assert.AreEqual("spam-filter", monitor.Name);
        Assert.AreEqual(Path.Combine(root, "monitor", "spam-filter.monitor"), monitor.StatePath);
        Assert.AreEqual(7 * 48, monitor.BucketCapacity);
        Assert.AreEqual(Path.Combine(root, "monitor", "other.monitor"), other.StatePath);
        StringAssert.Contains(unkeyed.Message, "2 monitors of IModelMonitor<Row> are registered ('spam-filter', 'other')");
    }

    [TestMethod]
    public void AddModelMonitor_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddMlValue().AddModelMonitor("spam-filter", MonitorTestData.Schema(), _ => null);

        var error = Assert.ThrowsExactly<MonitoringException>(() => builder.AddModelMonitor("spam-filter", MonitorTestData.Schema(), _ => null));

        StringAssert.Contains(error.Message, "A monitor named 'spam-filter' is already registered");
    }

    [TestMethod]
    [DataRow("BucketWidth", "00:00:00")]
    [DataRow("Retention", "01:30:00")]
    [DataRow("MinSampleSize", "0")]
    [DataRow("PValueThreshold", "1.5")]
    [DataRow("CategoryCap", "0")]
    [DataRow("PendingOutcomeCapacity", "0")]
    public void AddModelMonitoring_InvalidSetting_FailsAtStartNamingIt(string setting, string value)
    {
        using var provider = Build(new() { ["MlValue:Monitoring:" + setting] = value });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<MonitoringOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:Monitoring:" + setting);
    }

    [TestMethod]
    public void ModelMonitor_InvalidOptionsWithoutDependencyInjection_ThrowsNamingTheSetting()
    {
        var options = new MonitoringOptions { AllowedLateness = TimeSpan.FromDays(30) };

        var error = Assert.ThrowsExactly<MonitoringException>(() => MonitorTestData.Monitor(MonitorTestData.Clock(), options: options));
        StringAssert.Contains(error.Message, "MlValue:Monitoring:AllowedLateness");
    }
}
