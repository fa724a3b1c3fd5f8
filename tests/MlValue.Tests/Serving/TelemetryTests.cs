using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class TelemetryTests
{
    [TestMethod]
    public void Predict_Counted_WithModelVersionAndArmTags()
    {
        using var harness = new ServingHarness();
        using var predictions = ServingHarness.Collect("mlvalue.serving.predictions");
        harness.Registry.Point("tm-count", "champion", harness.PublishConstant("tm-count", 1));
        harness.Registry.Point("tm-count", "canary", harness.PublishConstant("tm-count", 2));
        harness.Builder.AddPredictor<TestInput, TestOutput>("tm-count", configure: o => (o.CanaryAlias, o.CanaryShare) = ("canary", 1.0));
        var predictor = harness.Constant("tm-count");

        predictor.Predict(new TestInput());
        predictor.Predict(new TestInput(), new PredictionRequest { RoutingKey = "u" });
        predictor.Predict(new TestInput(), new PredictionRequest { RoutingKey = "v" });

        var byArm = predictions.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags["mlvalue.model.name"], "tm-count"))
            .GroupBy(m => $"{m.Tags["mlvalue.arm"]} v{m.Tags["mlvalue.model.version"]}")
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.AreEqual(1, byArm["primary v1"]);
        Assert.AreEqual(2, byArm["canary v2"]);
    }

    [TestMethod]
    public void Predict_DurationListened_RecordsOnePerPrediction()
    {
        using var harness = new ServingHarness();
        using var duration = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<double>(Diagnostics.MlValueTelemetry.Meter, "mlvalue.serving.prediction.duration");
        harness.Registry.Point("tm-duration", "champion", harness.PublishConstant("tm-duration", 1));
        harness.Builder.AddPredictor<TestInput, TestOutput>("tm-duration");

        harness.Constant("tm-duration").Predict(new TestInput());

        Assert.AreEqual(1, duration.GetMeasurementSnapshot().Count(m => Equals(m.Tags["mlvalue.model.name"], "tm-duration")));
    }
}
