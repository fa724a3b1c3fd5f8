using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class HotSwapTests
{
    private static readonly TestInput Input = new() { Text = "hello", X = 1 };

    [TestMethod]
    public async Task RefreshAsync_AliasPromotedThenRolledBack_SwapsAndDisposesTheOldVersion()
    {
        using var harness = new ServingHarness();
        var v1 = harness.PublishConstant("hs-refresh", 10);
        var v2 = harness.PublishConstant("hs-refresh", 20);
        harness.Registry.Point("hs-refresh", "champion", v1);
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-refresh", configure: o => o.PollInterval = TimeSpan.Zero);
        var predictor = harness.Constant("hs-refresh");

        harness.Registry.Point("hs-refresh", "champion", v2);
        await predictor.RefreshAsync();
        var promoted = predictor.Predict(Input);
        await harness.Registry.RollbackAliasAsync("hs-refresh", "champion", "regression");
        await predictor.RefreshAsync();
        var rolledBack = predictor.Predict(Input);

        Assert.AreEqual((2, 20), (promoted.Version, promoted.Value.Value));
        Assert.AreEqual((1, 10), (rolledBack.Version, rolledBack.Value.Value));
        Assert.AreEqual(1, harness.Constants.Loaded[0].DisposeCount);
        Assert.AreEqual(1, harness.Constants.Loaded[1].DisposeCount);
        Assert.AreEqual(0, harness.Constants.Loaded[2].DisposeCount);
    }

    [TestMethod]
    public void Poll_FakeTimeAdvancedPastInterval_PicksUpTheMove()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("hs-poll", "champion", harness.PublishConstant("hs-poll", 10));
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-poll", configure: o => o.PollInterval = TimeSpan.FromSeconds(30));
        var predictor = harness.Constant("hs-poll");
        harness.Registry.Point("hs-poll", "champion", harness.PublishConstant("hs-poll", 20));

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        var before = predictor.Predict(Input).Version;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var after = predictor.Predict(Input).Version;

        Assert.AreEqual(1, before);
        Assert.AreEqual(2, after);
        Assert.AreEqual(2, predictor.GetStatus().Swaps);
    }

    [TestMethod]
    public async Task Refresh_CorruptArtifact_OldVersionKeepsServingAndFailureIsCountedAndLogged()
    {
        using var harness = new ServingHarness();
        using var failures = ServingHarness.Collect("mlvalue.serving.swap_failures");
        using var swaps = ServingHarness.Collect("mlvalue.serving.swaps");
        harness.Registry.Point("hs-corrupt", "champion", harness.PublishConstant("hs-corrupt", 10));
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-corrupt");
        var predictor = harness.Constant("hs-corrupt");
        var v2 = harness.PublishConstant("hs-corrupt", 20);
        harness.Registry.Corrupt("hs-corrupt", v2);
        harness.Registry.Point("hs-corrupt", "champion", v2);

        await predictor.RefreshAsync();

        Assert.AreEqual((1, 10), (predictor.Predict(Input).Version, predictor.Predict(Input).Value.Value));
        Assert.AreEqual(1, ServingHarness.Sum(failures, "hs-corrupt"));
        Assert.AreEqual(1, ServingHarness.Sum(swaps, "hs-corrupt"));
        var log = harness.Provider.GetFakeLogCollector().GetSnapshot().Single(r => r.Level == LogLevel.Error);
        StringAssert.Contains(log.Message, "could not swap to version 2; version 1 keeps serving");
        Assert.IsNotNull(log.Exception);
    }

    [TestMethod]
    public async Task Refresh_UnknownFormat_ErrorNamesTheFormatAndTheKnownOnes()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("hs-format", "champion", harness.PublishConstant("hs-format", 10));
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-format");
        var predictor = harness.Constant("hs-format");
        harness.Registry.Point("hs-format", "champion", harness.Registry.Publish("hs-format", "onnx", [1, 2]));

        await predictor.RefreshAsync();

        Assert.AreEqual(1, predictor.Predict(Input).Version);
        var failure = predictor.GetStatus().Events[^1];
        Assert.IsFalse(failure.Succeeded);
        StringAssert.Contains(failure.Error, "UnknownModelFormatException: Model 'hs-format' version 2 has format 'onnx'");
        StringAssert.Contains(failure.Error, "known: test-broken, test-constant, test-threshold");
    }

    [TestMethod]
    public async Task Refresh_LoadThrows_OldVersionKeepsServing()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("hs-throw", "champion", harness.PublishConstant("hs-throw", 10));
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-throw");
        var predictor = harness.Constant("hs-throw");
        harness.Registry.Point("hs-throw", "champion", harness.Registry.Publish("hs-throw", BrokenFormat.Id, [0]));

        await predictor.RefreshAsync();

        Assert.AreEqual(10, predictor.Predict(Input).Value.Value);
        Assert.AreEqual(1, predictor.GetStatus().SwapFailures);
        Assert.AreEqual(0, harness.Constants.Loaded[0].DisposeCount);
    }

    [TestMethod]
    public async Task Swap_RequestInFlight_OldModelDisposedOnlyAfterItFinishes()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("hs-inflight", "champion", harness.PublishConstant("hs-inflight", 10));
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-inflight");
        var predictor = harness.Constant("hs-inflight");
        var old = harness.Constants.Loaded[0];
        using var gate = new ManualResetEventSlim();
        old.Gate = gate;
        var inFlight = Task.Run(() => predictor.Predict(Input));
        old.Entered.Wait();

        harness.Registry.Point("hs-inflight", "champion", harness.PublishConstant("hs-inflight", 20));
        await predictor.RefreshAsync();
        var disposedWhileInFlight = old.DisposeCount;
        var fresh = predictor.Predict(Input);
        gate.Set();
        var held = await inFlight;

        Assert.AreEqual(0, disposedWhileInFlight);
        Assert.AreEqual((1, 10), (held.Version, held.Value.Value));
        Assert.AreEqual((2, 20), (fresh.Version, fresh.Value.Value));
        Assert.AreEqual(1, old.DisposeCount);
    }
}
