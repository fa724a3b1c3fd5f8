using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class ServingOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        .Build().GetSection("MlValue");

    [TestMethod]
    public void AddPredictor_Configuration_BindsNamedOptionsPerModel()
    {
        using var harness = new ServingHarness(Configuration(
            ("MlValue:Serving:spam:ShadowAlias", "challenger"),
            ("MlValue:Serving:spam:PollInterval", "00:00:05"),
            ("MlValue:Serving:churn:CanaryAlias", "canary"),
            ("MlValue:Serving:churn:CanaryShare", "0.2")));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam").AddPredictor<TestInput, TestOutput>("churn", alias: "production");
        var monitor = harness.Provider.GetRequiredService<IOptionsMonitor<ServingOptions>>();

        var spam = monitor.Get("spam");
        var churn = monitor.Get("churn");

        Assert.AreEqual(("champion", "challenger", TimeSpan.FromSeconds(5)), (spam.Alias, spam.ShadowAlias, spam.PollInterval));
        Assert.AreEqual(("production", "canary", 0.2, (string?)null), (churn.Alias, churn.CanaryAlias, churn.CanaryShare, churn.ShadowAlias));
    }

    [TestMethod]
    public void Defaults_AreDocumented()
    {
        var options = new ServingOptions();

        Assert.AreEqual(("champion", TimeSpan.FromSeconds(30), 0.0, 0.05), (options.Alias, options.PollInterval, options.CanaryShare, options.DisagreementTolerance));
        Assert.IsNull(options.ShadowAlias);
        Assert.IsNull(options.CanaryAlias);
    }

    [TestMethod]
    [DataRow("CanaryShare", "1.5", "MlValue:Serving:spam:CanaryShare must be within [0, 1]")]
    [DataRow("CanaryShare", "-0.1", "MlValue:Serving:spam:CanaryShare must be within [0, 1]")]
    [DataRow("PollInterval", "-00:00:01", "MlValue:Serving:spam:PollInterval must be zero (off) or a positive interval")]
    [DataRow("DisagreementTolerance", "-1", "MlValue:Serving:spam:DisagreementTolerance must be zero or more")]
    [DataRow("ShadowAlias", "champion", "MlValue:Serving:spam:ShadowAlias 'champion' is the primary alias")]
    [DataRow("Alias", " ", "MlValue:Serving:spam:Alias must name the alias to serve")]
    public void Validate_BadSetting_FailsAtStartNamingTheSetting(string setting, string value, string expected)
    {
        using var harness = new ServingHarness(Configuration(("MlValue:Serving:spam:" + setting, value), ("MlValue:Serving:spam:CanaryAlias", "canary")));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam");

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptionsMonitor<ServingOptions>>().Get("spam"));

        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void Validate_ShareWithoutCanaryAlias_FailsNamingBothSettings()
    {
        using var harness = new ServingHarness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam", configure: o => o.CanaryShare = 0.1);

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => harness.Constant("spam"));

        StringAssert.Contains(error.Message, "MlValue:Serving:spam:CanaryShare is 0.1 but MlValue:Serving:spam:CanaryAlias is not set");
    }
}
