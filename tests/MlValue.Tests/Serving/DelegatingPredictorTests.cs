using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

/// <summary>A decorator built on <see cref="DelegatingPredictor{TInput,TOutput}"/> changes what it overrides and forwards the rest.</summary>
[TestClass]
public sealed class DelegatingPredictorTests
{
    [TestMethod]
    public async Task Predict_ThroughACountingDecorator_ForwardsAndCounts()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("spam", "champion", harness.PublishConstant("spam", 20));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam");
        var counting = new CountingPredictor(harness.Constant("spam"));

        await counting.RefreshAsync();
        var first = counting.Predict(new TestInput());
        var second = counting.Predict(new TestInput(), new PredictionRequest { CorrelationId = "c-2" });

        Assert.AreEqual(2, counting.Calls);
        Assert.AreEqual(20, first.Value.Value);
        Assert.AreEqual("c-2", second.CorrelationId);
        Assert.AreEqual("spam", counting.ModelName);
        Assert.AreEqual("spam", counting.GetStatus().ModelName);
    }

    private sealed class CountingPredictor(IPredictor<TestInput, TestOutput> inner) : DelegatingPredictor<TestInput, TestOutput>(inner)
    {
        public int Calls { get; private set; }

        public override Prediction<TestOutput> Predict(TestInput input, PredictionRequest request)
        {
            Calls++;
            return base.Predict(input, request);
        }
    }
}
