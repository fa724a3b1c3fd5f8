using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using MlValue.Cleaning;
using MlValue.Diagnostics;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class CleaningServiceCollectionExtensionsTests
{
    [TestMethod]
    public void AddCleaning_WithConfiguration_BindsOptionsAndResolvesValidator()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MlValue:Cleaning:MaxCategories"] = "7", ["MlValue:Cleaning:NullRateTolerance"] = "0.1" })
            .Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddCleaning().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CleaningOptions>>().Value;
        Assert.AreEqual(7, options.MaxCategories);
        Assert.AreEqual(0.1, options.NullRateTolerance);
        Assert.AreEqual(7, provider.GetRequiredService<IDataValidator>().InferSchema([new Row { Label = "a" }]).MaxCategories);
    }

    [TestMethod]
    public void AddCleaning_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMlValue().AddCleaning();
        var count = services.Count;

        services.AddMlValue().AddCleaning();

        Assert.AreEqual(count, services.Count);
    }

    [TestMethod]
    [DataRow("MaxCategories", "0")]
    [DataRow("UnseenCategoryTolerance", "-0.1")]
    [DataRow("OutOfRangeTolerance", "2")]
    [DataRow("ErrorShare", "NaN")]
    [DataRow("MaxExamples", "1000")]
    public void AddCleaning_BadSetting_FailsAtStartNamingIt(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"MlValue:Cleaning:{setting}"] = value })
            .Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddCleaning().Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<CleaningOptions>>().Value);
        StringAssert.Contains(error.Message, $"MlValue:Cleaning:{setting}");
    }

    [TestMethod]
    public void Clean_PublishesRecordAndQuarantineCounters()
    {
        using var records = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.cleaning.records");
        using var quarantined = new MetricCollector<long>(null, MlValueTelemetry.Name, "mlvalue.cleaning.quarantined");
        var cleaner = CleaningRules<Row>.Create().Range(r => r.Score, 0.0, 1.0, name: "telemetry-score").Build();

        cleaner.Clean([new Row { Score = 0.5 }, new Row { Score = 2 }, new Row { Score = double.NaN }]);

        Assert.IsTrue(records.GetMeasurementSnapshot().Any(m => m.Value == 3));
        var tagged = quarantined.GetMeasurementSnapshot().Where(m => Equals(m.Tags["mlvalue.cleaning.rule"], "telemetry-score")).ToList();
        Assert.AreEqual(2, tagged.Sum(m => m.Value));
    }

    [TestMethod]
    public void AddRecordCleaner_Declared_ResolvesCleanerWithTheRules()
    {
        using var provider = new ServiceCollection().AddMlValue()
            .AddRecordCleaner<Row>(r => r.NotEmpty(x => x.Name))
            .Services.BuildServiceProvider();

        var result = provider.GetRequiredService<IRecordCleaner<Row>>().Clean([new Row { Name = "kept" }, new Row { Name = "" }]);

        Assert.AreEqual("kept", result.Clean.Single().Name);
        Assert.AreEqual(1, result.Quarantine.Count);
        Assert.IsNotNull(provider.GetRequiredService<IDataValidator>());
    }

    [TestMethod]
    public void AddRecordCleaner_SecondForSameType_Throws()
    {
        var builder = new ServiceCollection().AddMlValue().AddRecordCleaner<Row>(r => r.NotEmpty(x => x.Name));

        var error = Assert.ThrowsExactly<CleaningException>(() => builder.AddRecordCleaner<Row>(r => r.NotEmpty(x => x.Label)));

        StringAssert.Contains(error.Message, "An IRecordCleaner<Row> is already registered");
    }
}
