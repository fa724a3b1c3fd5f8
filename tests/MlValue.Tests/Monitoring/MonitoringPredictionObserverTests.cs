using Microsoft.Extensions.DependencyInjection;
using MlValue.DependencyInjection;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Tests.Serving;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class MonitoringPredictionObserverTests : TempRootTest
{
    [TestMethod]
    public void AddPredictionMonitoring_PrimaryPredictions_RecordedWithVersionCorrelationIdAndTimeShadowLeftOut()
    {
        using var harness = new ServingHarness();
        harness.Services.Configure<MlValueOptions>(o => o.RootDirectory = Root);
        var schema = new MonitorSchema<TestInput>(PredictionTask.BinaryClassification).Numeric("x", i => i.X);
        harness.Builder
            .AddModelMonitor("spam", schema, reference: null)
            .AddPredictionMonitoring<TestInput>("spam")
            .AddPredictionMonitoring<TestInput>("spam")
            .AddPredictor<TestInput, BinaryPrediction>("spam", configure: o => o.ShadowAlias = "challenger");
        harness.Registry.Point("spam", "champion", harness.Registry.Publish("spam", ThresholdFormat.Id, ThresholdFormat.Artifact(0.5f)));
        harness.Registry.Point("spam", "challenger", harness.Registry.Publish("spam", ThresholdFormat.Id, ThresholdFormat.Artifact(2f)));
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, BinaryPrediction>>("spam");
        predictor.WarmUpAsync().GetAwaiter().GetResult();
        var start = harness.Time.GetUtcNow();

        predictor.Predict(new TestInput { X = 1 }, new PredictionRequest { CorrelationId = "m-1" });
        predictor.Predict(new TestInput { X = 0 }, new PredictionRequest { CorrelationId = "m-2" });
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        predictor.Predict(new TestInput { X = 3 }, new PredictionRequest { CorrelationId = "m-3" });

        var monitor = harness.Provider.GetRequiredService<IModelMonitor<TestInput>>();
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("m-1", 1));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("m-2", 1));
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("m-unknown", 1));
        var observer = (MonitoringPredictionObserver<TestInput>)harness.Provider.GetRequiredKeyedService<IPredictionObserver<TestInput, BinaryPrediction>>("spam");
        var window = monitor.GetWindow(start.AddHours(-1), start.AddHours(1));

        Assert.AreEqual(3, observer.Recorded, "three primary predictions; the shadow's three are left out");
        Assert.AreEqual(3, window.Records);
        Assert.AreEqual(3, window.Versions["1"], "version 1 is the champion; the challenger (version 2) only shadowed");
        Assert.AreEqual(2, window.Performance.Labeled);
        Assert.AreEqual(1, window.Performance.TruePositives, "m-1: X = 1 above 0.5, labelled positive");
        Assert.AreEqual(1, window.Performance.FalseNegatives, "m-2: X = 0 below 0.5, labelled positive");
    }

    [TestMethod]
    public void OnPrediction_CanaryArm_NotRecorded()
    {
        using var monitor = new ModelMonitor<TestInput>("m", new MonitorSchema<TestInput>().Numeric("x", i => i.X), null, new MonitoringOptions(), TimeProvider.System, stateDirectory: null);
        var observer = new MonitoringPredictionObserver<TestInput>(monitor);
        var now = TimeProvider.System.GetUtcNow();

        observer.OnPrediction(new PredictionEvent<TestInput, BinaryPrediction>("c-1", now, "m", 2, ServingArm.Canary, new TestInput(), new BinaryPrediction { Probability = 0.7f }));
        observer.OnPrediction(new PredictionEvent<TestInput, BinaryPrediction>("c-2", now, "m", 300, ServingArm.Primary, new TestInput(), new BinaryPrediction { Probability = 0.7f }));

        Assert.AreEqual(1, observer.Recorded);
        Assert.AreEqual(OutcomeStatus.Unknown, monitor.RecordOutcome("c-1", 1));
        Assert.AreEqual(OutcomeStatus.Recorded, monitor.RecordOutcome("c-2", 1));
    }

    [TestMethod]
    public void Constructor_NullMonitor_Throws()
        => Assert.ThrowsExactly<ArgumentNullException>(() => new MonitoringPredictionObserver<TestInput>(null!));
}
