using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Diagnostics;
using MlValue.Evaluation;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class EvaluationBuilderExtensionsTests
{
    [TestMethod]
    public async Task AddEvaluation_FromConfiguration_BindsOptionsAndPolicy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MlValue:Evaluation:MinSliceSize"] = "50",
            ["MlValue:Evaluation:WorstErrorCount"] = "3",
            ["MlValue:Evaluation:Policy:SliceTolerance"] = "0.05",
            ["MlValue:Evaluation:Policy:Rules:0:Metric"] = "auc",
            ["MlValue:Evaluation:Policy:Rules:0:Threshold"] = "0.75",
            ["MlValue:Evaluation:Policy:Rules:0:MinAbsoluteImprovement"] = "0.01",
        }).Build();
        await using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddEvaluation().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EvaluationOptions>>().Value;
        var evaluator = provider.GetRequiredService<IEvaluator>();
        var result = await evaluator.EvaluateBinaryAsync("v1", KeywordSpamModel.V1, SpamHoldout());

        Assert.AreEqual(50, options.MinSliceSize);
        Assert.AreEqual(0.05, options.Policy.SliceTolerance);
        Assert.AreEqual(0.75, options.Policy.Rules.Single().Threshold);
        Assert.AreEqual(3, result.WorstErrors.Count);
        Assert.AreEqual(50, result.MinSliceSize);
    }

    [TestMethod]
    [DataRow("MinSliceSize", "0", "MlValue:Evaluation:MinSliceSize must be between 1 and")]
    [DataRow("CalibrationBins", "1", "MlValue:Evaluation:CalibrationBins must be between 2 and 100; it is 1.")]
    [DataRow("Policy:Rules:0:Metric", "auroc", "MlValue:Evaluation:Policy:Rules:0:Metric 'auroc' is unknown")]
    [DataRow("Policy:SliceTolerance", "-1", "MlValue:Evaluation:Policy:SliceTolerance must be a finite number at least 0")]
    public void AddEvaluation_InvalidSetting_FailsAtStartNamingTheSetting(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MlValue:Evaluation:" + key] = value }).Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddEvaluation().Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<EvaluationOptions>>().Value);

        StringAssert.Contains(error.Message, message);
    }

    [TestMethod]
    public void AddEvaluation_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMlValue().AddEvaluation();
        var count = services.Count;

        services.AddMlValue().AddEvaluation(o => o.RocPoints = 20);

        Assert.AreEqual(count + 1, services.Count, "only the second configure action is added");
        using var provider = services.BuildServiceProvider();
        Assert.AreEqual(20, provider.GetRequiredService<IOptions<EvaluationOptions>>().Value.RocPoints);
    }

    [TestMethod]
    public async Task EvaluateBinary_WithListener_EmitsActivityWithoutMessageContent()
    {
        var seen = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MlValueTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (seen) { seen.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        await Evaluator().EvaluateBinaryAsync("telemetry-probe", KeywordSpamModel.V1, SpamHoldout());

        Activity activity;
        lock (seen)
        {
            activity = seen.Single(a => a.OperationName == "mlvalue.evaluation.evaluate" && Equals(a.GetTagItem("mlvalue.model.name"), "telemetry-probe"));
        }

        Assert.AreEqual(279, activity.GetTagItem("mlvalue.evaluation.rows"));
        Assert.AreEqual("binary", activity.GetTagItem("mlvalue.evaluation.task"));
        var subjects = Support.SpamFixture.All.Select(m => m.Subject).Where(s => s.Length > 3).ToHashSet();
        Assert.IsFalse(activity.TagObjects.Any(t => t.Value is string s && subjects.Contains(s)));
    }
}
