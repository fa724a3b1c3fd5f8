using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class TrainingBuilderExtensionsTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("MlValue");

    [TestMethod]
    public void AddTraining_FromConfiguration_ResolvesTheConfiguredTrainerAndFormats()
    {
        var configuration = Configuration(new()
        {
            ["MlValue:Training:Preset"] = "Tabular",
            ["MlValue:Training:Task"] = "Regression",
            ["MlValue:Training:Tabular:LabelColumn"] = "Target",
            ["MlValue:Training:Tabular:NumericColumns:0"] = "X",
            ["MlValue:Training:Tabular:Algorithm"] = "LightGbm",
        });
        using var provider = new ServiceCollection().AddMlValue(configuration).AddTraining().Services.BuildServiceProvider();

        var trainer = provider.GetRequiredService<ITrainer<TabularRecord>>();
        var registry = provider.GetRequiredService<ModelFormatRegistry>();

        Assert.AreEqual("mlnet-tabular-lightgbm", trainer.Name);
        CollectionAssert.AreEqual(new[] { MlNetModelFormat.Id, BaselineModelFormat.Id }, registry.KnownFormatIds.ToArray());
    }

    [TestMethod]
    public void AddTraining_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddMlValue().AddTraining();
        var count = services.Count;

        builder.AddTraining();

        Assert.AreEqual(count, services.Count);
    }

    [TestMethod]
    public void AddTraining_TextPresetWithoutTextColumns_FailsAtStartNamingTheSetting()
    {
        using var provider = new ServiceCollection().AddMlValue().AddTraining().Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<TrainingOptions>>().Value);

        StringAssert.Contains(error.Message, "MlValue:Training:Text:TextColumns");
    }

    [TestMethod]
    public void AddTraining_BadTabularSetting_FailsNamingTheSetting()
    {
        using var provider = new ServiceCollection().AddMlValue().AddTraining(o =>
        {
            o.Preset = TrainingPreset.Tabular;
            o.Tabular.NumericColumns.Add("X");
            o.Tabular.LearningRate = 2;
        }).Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<TrainingOptions>>().Value);

        StringAssert.Contains(error.Message, "MlValue:Training:Tabular:LearningRate");
    }

    [TestMethod]
    public void AddBaselineRule_MakesTheRuleAvailableToTheBaselineFormat()
    {
        var rule = new BaselineRule<SpamRecord>("always-spam", _ => true);
        using var provider = new ServiceCollection().AddMlValue().AddTraining(o => o.Preset = TrainingPreset.Baseline).AddBaselineRule(rule).Services.BuildServiceProvider();
        var artifact = new ModelArtifact(BaselineModelFormat.Id, """{ "version": 1, "kind": "rule", "task": "BinaryClassification", "labelColumn": "IsSpam", "rule": "always-spam" }"""u8);

        using var model = provider.GetRequiredService<ModelFormatRegistry>().Load<SpamRecord, BinaryPrediction>(artifact);

        Assert.IsTrue(model.Predict(new SpamRecord()).PredictedLabel);
        Assert.AreEqual("baseline-majority", provider.GetRequiredService<ITrainer<SpamRecord>>().Name);
    }
}
