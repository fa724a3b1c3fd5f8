using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class ObserverTests
{
    private static readonly TestInput Input = new() { X = 1 };

    [TestMethod]
    public void Predict_ObserverRegistered_EveryPredictionRecordedWithCallerCorrelationIdAndTime()
    {
        using var harness = new ServingHarness();
        var observer = new RecordingObserver<TestInput, TestOutput>();
        harness.Services.AddSingleton<IPredictionObserver<TestInput, TestOutput>>(observer);
        harness.Registry.Point("ob-all", "champion", harness.PublishConstant("ob-all", 4));
        harness.Builder.AddPredictor<TestInput, TestOutput>("ob-all");
        var predictor = harness.Constant("ob-all");

        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var prediction = predictor.Predict(Input, new PredictionRequest { CorrelationId = "order-17" });
        predictor.Predict(Input, new PredictionRequest { CorrelationId = "order-18" });

        Assert.AreEqual("order-17", prediction.CorrelationId);
        CollectionAssert.AreEqual(new[] { "order-17", "order-18" }, observer.Predictions.Select(p => p.CorrelationId).ToArray());
        var first = observer.Predictions[0];
        Assert.AreEqual((harness.Time.GetUtcNow(), 1, ServingArm.Primary, 4), (first.Timestamp, first.Version, first.Arm, first.Output.Value));
    }

    [TestMethod]
    public void Predict_NoCorrelationId_GeneratesAUniqueOneAndReturnsIt()
    {
        using var harness = new ServingHarness();
        var observer = new RecordingObserver<TestInput, TestOutput>();
        harness.Services.AddKeyedSingleton<IPredictionObserver<TestInput, TestOutput>>("ob-gen", observer);
        harness.Registry.Point("ob-gen", "champion", harness.PublishConstant("ob-gen", 4));
        harness.Builder.AddPredictor<TestInput, TestOutput>("ob-gen");

        var a = harness.Constant("ob-gen").Predict(Input);
        var b = harness.Constant("ob-gen").Predict(Input);

        Assert.AreEqual(32, a.CorrelationId!.Length);
        Assert.AreNotEqual(a.CorrelationId, b.CorrelationId);
        Assert.AreEqual(a.CorrelationId, observer.Predictions[0].CorrelationId);
    }

    [TestMethod]
    public void Predict_KeyedObserver_SeesOnlyItsModel()
    {
        using var harness = new ServingHarness();
        var observer = new RecordingObserver<TestInput, TestOutput>();
        harness.Services.AddKeyedSingleton<IPredictionObserver<TestInput, TestOutput>>("ob-mine", observer);
        harness.Registry.Point("ob-mine", "champion", harness.PublishConstant("ob-mine", 1));
        harness.Registry.Point("ob-other", "champion", harness.PublishConstant("ob-other", 2));
        harness.Builder.AddPredictor<TestInput, TestOutput>("ob-mine").AddPredictor<TestInput, TestOutput>("ob-other");

        harness.Constant("ob-other").Predict(Input);
        harness.Constant("ob-mine").Predict(Input);

        Assert.AreEqual(1, observer.Predictions.Single().Output.Value);
    }

    [TestMethod]
    public void Predict_ObserverThrows_PredictionIsStillReturnedAndFailureCounted()
    {
        using var harness = new ServingHarness();
        using var failures = ServingHarness.Collect("mlvalue.serving.observer_failures");
        harness.Services.AddSingleton<IPredictionObserver<TestInput, TestOutput>>(new RecordingObserver<TestInput, TestOutput> { Throw = true });
        harness.Registry.Point("ob-throw", "champion", harness.PublishConstant("ob-throw", 9));
        harness.Builder.AddPredictor<TestInput, TestOutput>("ob-throw");

        Assert.AreEqual(9, harness.Constant("ob-throw").Predict(Input).Value.Value);
        Assert.AreEqual(1, ServingHarness.Sum(failures, "ob-throw"));
    }
}
