using Microsoft.Extensions.DependencyInjection;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Tests.Serving;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class PredictionMonitoringKindsTests : TempRootTest
{
    [TestMethod]
    public void AddPredictionMonitoring_MulticlassPredictor_RecordsClassesAndPerClassPerformance()
    {
        using var harness = Harness();
        var schema = new MonitorSchema<TestInput>(PredictionTask.MulticlassClassification).Numeric("x", i => i.X);
        harness.Builder
            .AddModelMonitor("weather", schema, reference: null)
            .AddPredictionMonitoring<TestInput>("weather")
            .AddPredictor<TestInput, MulticlassPrediction>("weather");
        harness.Registry.Point("weather", "champion", harness.Registry.Publish("weather", ClassFormat.Id, ClassFormat.Artifact("sun", "rain", "snow")));
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, MulticlassPrediction>>("weather");
        predictor.WarmUpAsync().GetAwaiter().GetResult();
        var start = harness.Time.GetUtcNow();

        predictor.Predict(new TestInput { X = 0 }, new PredictionRequest { CorrelationId = "d-1" });
        predictor.Predict(new TestInput { X = 1 }, new PredictionRequest { CorrelationId = "d-2" });
        predictor.Predict(new TestInput { X = 1 }, new PredictionRequest { CorrelationId = "d-3" });
        var monitor = harness.Provider.GetRequiredService<IModelMonitor<TestInput>>();
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("d-1", "sun"));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("d-2", "rain"));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("d-3", "snow"));
        var window = monitor.GetWindow(start.AddHours(-1), start.AddHours(1));

        Assert.AreEqual(3, window.Records);
        Assert.AreEqual(1, window.PredictedClasses["sun"]);
        Assert.AreEqual(2, window.PredictedClasses["rain"]);
        Assert.AreEqual(3, window.Performance.Labeled);
        Assert.AreEqual(2 / 3.0, window.Performance.Accuracy!.Value, 1e-12);
        var rain = window.Performance.Classes.Single(c => c.Class == "rain");
        Assert.AreEqual((1L, 1L, 0L), (rain.TruePositives, rain.FalsePositives, rain.FalseNegatives));
        Assert.AreEqual(0.5, rain.Precision!.Value, 1e-12);
        Assert.AreEqual(1.0, rain.Recall!.Value, 1e-12);
        Assert.AreEqual(0.0, window.Performance.Classes.Single(c => c.Class == "snow").F1!.Value, 1e-12);
        Assert.AreEqual((1 + (2 / 3.0) + 0) / 3, window.Performance.MacroF1!.Value, 1e-12);
    }

    [TestMethod]
    public void AddPredictionMonitoring_RegressionPredictor_RecordsPredictionAndErrors()
    {
        using var harness = Harness();
        var schema = new MonitorSchema<TestInput>(PredictionTask.Regression).Numeric("x", i => i.X);
        harness.Builder
            .AddModelMonitor("price", schema, reference: null)
            .AddPredictionMonitoring<TestInput>("price")
            .AddPredictor<TestInput, RegressionPrediction>("price");
        harness.Registry.Point("price", "champion", harness.Registry.Publish("price", ClassFormat.Id, ClassFormat.Artifact("value")));
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, RegressionPrediction>>("price");
        predictor.WarmUpAsync().GetAwaiter().GetResult();
        var start = harness.Time.GetUtcNow();

        predictor.Predict(new TestInput { X = 2 }, new PredictionRequest { CorrelationId = "p-1" });
        predictor.Predict(new TestInput { X = 4 }, new PredictionRequest { CorrelationId = "p-2" });
        var monitor = harness.Provider.GetRequiredService<IModelMonitor<TestInput>>();
        monitor.RecordOutcome("p-1", 3);
        monitor.RecordOutcome("p-2", 1);
        var window = monitor.GetWindow(start.AddHours(-1), start.AddHours(1));

        Assert.AreEqual(2, window.Records);
        Assert.AreEqual(3.0, window.Prediction.Mean!.Value, 1e-12);
        Assert.AreEqual(2.0, window.Performance.MeanAbsoluteError!.Value, 1e-12);
        Assert.AreEqual(Math.Sqrt(5), window.Performance.RootMeanSquaredError!.Value, 1e-12);
    }

    [TestMethod]
    public void AddPredictionMonitoring_UnsupportedOutputType_FailsWhenThePredictorIsResolved()
    {
        using var harness = Harness();
        harness.Builder
            .AddModelMonitor("counter", new MonitorSchema<TestInput>(PredictionTask.Regression).Numeric("x", i => i.X), reference: null)
            .AddPredictionMonitoring<TestInput>("counter")
            .AddPredictor<TestInput, TestOutput>("counter");

        var error = Assert.ThrowsExactly<MonitoringException>(() => harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, TestOutput>>("counter"));

        StringAssert.Contains(error.Message, "TestOutput");
        StringAssert.Contains(error.Message, "BinaryPrediction, MulticlassPrediction or RegressionPrediction");
    }

    [TestMethod]
    public void AddPredictionMonitoring_UnsupportedOutputAlreadyServed_FailsAtRegistration()
    {
        using var harness = Harness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("counter");

        var error = Assert.ThrowsExactly<MonitoringException>(() => harness.Builder.AddPredictionMonitoring<TestInput>("counter"));

        StringAssert.Contains(error.Message, "'counter'");
    }

    [TestMethod]
    public void AddPredictionMonitoring_BinaryMonitorOnMulticlassPredictor_FailsWhenThePredictorIsResolved()
    {
        using var harness = Harness();
        harness.Builder
            .AddModelMonitor("weather", new MonitorSchema<TestInput>(PredictionTask.BinaryClassification).Numeric("x", i => i.X), reference: null)
            .AddPredictionMonitoring<TestInput>("weather")
            .AddPredictor<TestInput, MulticlassPrediction>("weather");

        var error = Assert.ThrowsExactly<MonitoringException>(() => harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, MulticlassPrediction>>("weather"));

        StringAssert.Contains(error.Message, "PredictionTask.MulticlassClassification");
    }

    private ServingHarness Harness()
    {
        var harness = new ServingHarness();
        harness.Services.Configure<MlValueOptions>(o => o.RootDirectory = Root);
        harness.Services.AddSingleton<IModelFormat>(new ClassFormat());
        return harness;
    }
}
