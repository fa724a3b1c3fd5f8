using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class ShadowTests
{
    private static IPredictor<TestInput, BinaryPrediction> Binary(ServingHarness harness, string model, float champion, float challenger, RecordingObserver<TestInput, BinaryPrediction>? observer = null)
    {
        harness.Registry.Point(model, "champion", harness.Registry.Publish(model, ThresholdFormat.Id, ThresholdFormat.Artifact(champion)));
        harness.Registry.Point(model, "challenger", harness.Registry.Publish(model, ThresholdFormat.Id, ThresholdFormat.Artifact(challenger)));
        if (observer is not null)
        {
            harness.Services.AddKeyedSingleton<IPredictionObserver<TestInput, BinaryPrediction>>(model, observer);
        }

        harness.Builder.AddPredictor<TestInput, BinaryPrediction>(model, configure: o => o.ShadowAlias = "challenger");
        return harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, BinaryPrediction>>(model);
    }

    [TestMethod]
    public void Predict_ShadowDisagrees_ReturnsChampionAndRecordsBothVersionsAndOutputs()
    {
        using var harness = new ServingHarness();
        using var counter = ServingHarness.Collect("mlvalue.serving.shadow_disagreements");
        var observer = new RecordingObserver<TestInput, BinaryPrediction>();
        var predictor = Binary(harness, "sh-disagree", champion: 0.5f, challenger: 2f, observer);

        var prediction = predictor.Predict(new TestInput { X = 1 }, new PredictionRequest { CorrelationId = "req-42" });

        Assert.IsTrue(prediction.Value.PredictedLabel);
        Assert.AreEqual((1, ServingArm.Primary), (prediction.Version, prediction.Arm));
        var disagreement = observer.Disagreements.Single();
        Assert.AreEqual(("req-42", 1, 2), (disagreement.CorrelationId, disagreement.PrimaryVersion, disagreement.ShadowVersion));
        Assert.IsTrue(disagreement.Primary.PredictedLabel);
        Assert.IsFalse(disagreement.Shadow.PredictedLabel);
        Assert.AreEqual(1, ServingHarness.Sum(counter, "sh-disagree"));
        Assert.AreEqual(1, predictor.GetStatus().ShadowDisagreements);
        CollectionAssert.AreEqual(new[] { ServingArm.Primary, ServingArm.Shadow }, observer.Predictions.Select(p => p.Arm).ToArray());
    }

    [TestMethod]
    public void Predict_ShadowWithinTolerance_NoDisagreement()
    {
        using var harness = new ServingHarness();
        var observer = new RecordingObserver<TestInput, BinaryPrediction>();
        var predictor = Binary(harness, "sh-agree", champion: 0.5f, challenger: 0.52f, observer);

        predictor.Predict(new TestInput { X = 3 });

        Assert.AreEqual(0, observer.Disagreements.Count);
        Assert.AreEqual(0, predictor.GetStatus().ShadowDisagreements);
    }

    [TestMethod]
    public void Predict_ShadowThrows_RequestSucceedsAndFailureIsCounted()
    {
        using var harness = new ServingHarness();
        using var counter = ServingHarness.Collect("mlvalue.serving.shadow_failures");
        harness.Registry.Point("sh-fail", "champion", harness.PublishConstant("sh-fail", 5));
        harness.Registry.Point("sh-fail", "challenger", harness.PublishConstant("sh-fail", -1));
        harness.Builder.AddPredictor<TestInput, TestOutput>("sh-fail", configure: o => o.ShadowAlias = "challenger");

        var prediction = harness.Constant("sh-fail").Predict(new TestInput());

        Assert.AreEqual((1, 5), (prediction.Version, prediction.Value.Value));
        Assert.AreEqual(1, harness.Constant("sh-fail").GetStatus().ShadowFailures);
        Assert.AreEqual(1, ServingHarness.Sum(counter, "sh-fail"));
    }

    [TestMethod]
    public void Predict_CustomComparerInDi_DecidesDisagreement()
    {
        using var harness = new ServingHarness();
        harness.Services.AddKeyedSingleton<IPredictionComparer<BinaryPrediction>>("sh-custom", new ScoreSignComparer());
        var predictor = Binary(harness, "sh-custom", champion: 0.5f, challenger: 0.6f);

        predictor.Predict(new TestInput { X = 0.55f });
        predictor.Predict(new TestInput { X = 3f });

        Assert.AreEqual(1, predictor.GetStatus().ShadowDisagreements);
    }

    [TestMethod]
    [DataRow(true, 0.9f, true, 0.8f, 0.05, true)]
    [DataRow(true, 0.9f, true, 0.88f, 0.05, false)]
    [DataRow(true, 0.6f, false, 0.4f, 0.5, true)]
    public void DefaultComparer_Binary_LabelOrProbabilityBeyondTolerance(bool label1, float p1, bool label2, float p2, double tolerance, bool expected)
    {
        var comparer = DefaultPredictionComparer<BinaryPrediction>.Instance;

        Assert.AreEqual(expected, comparer.Disagree(new() { PredictedLabel = label1, Probability = p1 }, new() { PredictedLabel = label2, Probability = p2 }, tolerance));
    }

    [TestMethod]
    public void DefaultComparer_RegressionAndMulticlass_UseTolerance()
    {
        Assert.IsTrue(DefaultPredictionComparer<RegressionPrediction>.Instance.Disagree(new() { Score = 1 }, new() { Score = 1.2f }, 0.1));
        Assert.IsFalse(DefaultPredictionComparer<RegressionPrediction>.Instance.Disagree(new() { Score = 1 }, new() { Score = 1.05f }, 0.1));
        var multiclass = DefaultPredictionComparer<MulticlassPrediction>.Instance;
        Assert.IsFalse(multiclass.Disagree(new() { PredictedLabel = "a", Score = [0.7f, 0.3f] }, new() { PredictedLabel = "a", Score = [0.68f, 0.32f] }, 0.05));
        Assert.IsTrue(multiclass.Disagree(new() { PredictedLabel = "a", Score = [0.7f, 0.3f] }, new() { PredictedLabel = "a", Score = [0.6f, 0.4f] }, 0.05));
        Assert.IsTrue(multiclass.Disagree(new() { PredictedLabel = "a", Score = [0.7f, 0.3f] }, new() { PredictedLabel = "b", Score = [0.7f, 0.3f] }, 0.05));
    }

    private sealed class ScoreSignComparer : IPredictionComparer<BinaryPrediction>
    {
        public bool Disagree(BinaryPrediction primary, BinaryPrediction shadow, double tolerance) => Math.Sign(primary.Score) != Math.Sign(shadow.Score);
    }
}
