using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class ServingStatusTests
{
    [TestMethod]
    public async Task ToMarkdown_AfterPromotionFailedLoadRollbackAndShadow_ReadsAsASwapLog()
    {
        using var harness = new ServingHarness();
        var registry = harness.Registry;
        var v1 = registry.Publish("spam", ThresholdFormat.Id, ThresholdFormat.Artifact(0.5f));
        var v2 = registry.Publish("spam", ThresholdFormat.Id, ThresholdFormat.Artifact(0.7f));
        var v3 = registry.Publish("spam", ThresholdFormat.Id, ThresholdFormat.Artifact(0.9f));
        registry.Corrupt("spam", v3);
        registry.Point("spam", "champion", v1);
        registry.Point("spam", "challenger", v2);
        harness.Builder.AddPredictor<TestInput, BinaryPrediction>("spam", configure: o => o.ShadowAlias = "challenger");
        var predictor = harness.Provider.GetRequiredKeyedService<IPredictor<TestInput, BinaryPrediction>>("spam");

        predictor.Predict(new TestInput { X = 0.6f });
        predictor.Predict(new TestInput { X = 0.1f });
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        registry.Point("spam", "champion", v2);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        registry.Point("spam", "challenger", v3);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await registry.RollbackAliasAsync("spam", "champion", "regression on a slice");
        await predictor.RefreshAsync();

        Snapshot.Verify(predictor.GetStatus().ToMarkdown());
    }
}
