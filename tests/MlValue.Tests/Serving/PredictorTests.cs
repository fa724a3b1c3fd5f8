using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class PredictorTests
{
    private static readonly TestInput Input = new() { Text = "win money now", X = 1 };

    [TestMethod]
    public void Predict_AliasSet_AnswersWithTheVersionItNames()
    {
        using var harness = new ServingHarness();
        harness.PublishConstant("spam", 10);
        var v2 = harness.PublishConstant("spam", 20);
        harness.Registry.Point("spam", "champion", v2);
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam", alias: "champion");

        var prediction = harness.Constant("spam").Predict(Input);

        Assert.AreEqual(20, prediction.Value.Value);
        Assert.AreEqual(2, prediction.Version);
        Assert.AreEqual("spam", prediction.ModelName);
        Assert.AreEqual(ServingArm.Primary, prediction.Arm);
        Assert.IsNull(prediction.CorrelationId);
    }

    [TestMethod]
    public void Predict_AliasNotSet_ThrowsNotReadyNamingModelAliasAndRemedy()
    {
        using var harness = new ServingHarness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam-unset");

        var error = Assert.ThrowsExactly<PredictorNotReadyException>(() => harness.Constant("spam-unset").Predict(Input));

        StringAssert.Contains(error.Message, "model 'spam-unset' alias 'champion'");
        StringAssert.Contains(error.Message, "WarmUpAsync");
    }

    [TestMethod]
    public async Task WarmUpAsync_LoadFailed_ThrowsNotReadyWithTheLoadError()
    {
        using var harness = new ServingHarness();
        var v1 = harness.Registry.Publish("spam-broken", BrokenFormat.Id, [1]);
        harness.Registry.Point("spam-broken", "champion", v1);
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam-broken");

        var error = await Assert.ThrowsExactlyAsync<PredictorNotReadyException>(() => harness.Constant("spam-broken").WarmUpAsync());

        StringAssert.Contains(error.Message, "The model file cannot be read.");
    }

    [TestMethod]
    public async Task WarmUpAsync_AliasSetLater_LoadsWithoutWaitingForThePoll()
    {
        using var harness = new ServingHarness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam-late");
        var predictor = harness.Constant("spam-late");
        harness.Registry.Point("spam-late", "champion", harness.PublishConstant("spam-late", 7));

        await predictor.WarmUpAsync();

        Assert.AreEqual(7, predictor.Predict(Input).Value.Value);
    }

    [TestMethod]
    public void Predict_NonAllocatingModel_AllocatesNothingPerCall()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("spam-alloc", "champion", harness.PublishConstant("spam-alloc", 3));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam-alloc");
        var predictor = harness.Constant("spam-alloc");
        var request = new PredictionRequest { RoutingKey = "user-1", CorrelationId = "req-1" };
        for (var i = 0; i < 100; i++)
        {
            predictor.Predict(Input, request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += predictor.Predict(Input, request).Value.Value;
        }

        Assert.AreEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.AreEqual(30_000, sum);
    }

    [TestMethod]
    public void Predict_NullInput_ThrowsArgumentNull()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("spam-null", "champion", harness.PublishConstant("spam-null", 3));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam-null");

        Assert.ThrowsExactly<ArgumentNullException>(() => harness.Constant("spam-null").Predict(null!));
    }

    [TestMethod]
    public void Factory_TwoModels_ServesEachSideBySide()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("spam", "champion", harness.PublishConstant("spam", 1));
        harness.Registry.Point("churn", "champion", harness.PublishConstant("churn", 2));
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam").AddPredictor<TestInput, TestOutput>("churn");
        var factory = harness.Provider.GetRequiredService<IPredictorFactory>();

        Assert.AreEqual(1, factory.GetPredictor<TestInput, TestOutput>("spam").Predict(Input).Value.Value);
        Assert.AreEqual(2, factory.GetPredictor<TestInput, TestOutput>("churn").Predict(Input).Value.Value);
        Assert.AreSame(harness.Constant("spam"), factory.GetPredictor<TestInput, TestOutput>("spam"));
    }

    [TestMethod]
    public void Factory_UnknownModel_ThrowsNamingModelAndRegistration()
    {
        using var harness = new ServingHarness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam");

        var error = Assert.ThrowsExactly<ServingException>(() => harness.Provider.GetRequiredService<IPredictorFactory>().GetPredictor<TestInput, TestOutput>("fraud"));

        StringAssert.Contains(error.Message, "model 'fraud'");
        StringAssert.Contains(error.Message, "AddPredictor<TestInput, TestOutput>(\"fraud\")");
    }

    [TestMethod]
    public void AddPredictor_CalledTwice_RegistersOnePredictor()
    {
        using var harness = new ServingHarness();
        harness.Builder.AddPredictor<TestInput, TestOutput>("spam");
        var count = harness.Services.Count;

        harness.Builder.AddPredictor<TestInput, TestOutput>("spam", configure: o => o.PollInterval = TimeSpan.FromMinutes(1));

        Assert.AreEqual(1, harness.Services.Count(d => d.IsKeyedService && d.ServiceType == typeof(IPredictor<TestInput, TestOutput>)));
        Assert.AreEqual(count + 1, harness.Services.Count);
    }

    [TestMethod]
    public void Resolve_NoRegistry_ThrowsSayingWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddMlValue().AddPredictor<TestInput, TestOutput>("spam");
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<ServingException>(() => provider.GetRequiredKeyedService<IPredictor<TestInput, TestOutput>>("spam"));

        StringAssert.Contains(error.Message, "needs an IModelRegistry");
    }
}
