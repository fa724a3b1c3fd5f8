using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;
using MlValue.Tests.Support;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class CanaryTests
{
    private static readonly TestInput Input = new();

    private static IPredictor<TestInput, TestOutput> Canary(ServingHarness harness, string model, double share)
    {
        harness.Registry.Point(model, "champion", harness.PublishConstant(model, 1));
        harness.Registry.Point(model, "canary", harness.PublishConstant(model, 2));
        harness.Builder.AddPredictor<TestInput, TestOutput>(model, configure: o =>
        {
            o.CanaryAlias = "canary";
            o.CanaryShare = share;
        });
        return harness.Constant(model);
    }

    [TestMethod]
    public void Predict_SameKey_SameArmEveryTime()
    {
        using var harness = new ServingHarness();
        var predictor = Canary(harness, "cn-sticky", 0.5);

        for (var user = 0; user < 200; user++)
        {
            var request = new PredictionRequest { RoutingKey = "user-" + user.ToString(CultureInfo.InvariantCulture) };
            var first = predictor.Predict(Input, request);
            for (var repeat = 0; repeat < 5; repeat++)
            {
                var again = predictor.Predict(Input, request);
                Assert.AreEqual((first.Arm, first.Version), (again.Arm, again.Version));
            }

            Assert.AreEqual(first.Arm == ServingArm.Canary ? 2 : 1, first.Value.Value);
        }
    }

    [TestMethod]
    [DataRow(0.1)]
    [DataRow(0.25)]
    [DataRow(0.5)]
    public void Predict_ManyKeys_ShareRespectedWithinOnePercentagePoint(double share)
    {
        using var harness = new ServingHarness();
        var predictor = Canary(harness, "cn-share", share);

        var canary = Enumerable.Range(0, 20_000)
            .Count(i => predictor.Predict(Input, new PredictionRequest { RoutingKey = "user-" + i.ToString(CultureInfo.InvariantCulture) }).Arm == ServingArm.Canary);

        Assert.AreEqual(share, canary / 20_000.0, 0.01);
    }

    [TestMethod]
    [DataRow(0.0, 0)]
    [DataRow(1.0, 1000)]
    public void Predict_ShareAtBounds_NoneOrAllToCanary(double share, int expected)
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("cn-bounds", "champion", harness.PublishConstant("cn-bounds", 1));
        harness.Registry.Point("cn-bounds", "canary", harness.PublishConstant("cn-bounds", 2));
        harness.Builder.AddPredictor<TestInput, TestOutput>("cn-bounds", configure: o => (o.CanaryAlias, o.CanaryShare) = ("canary", share));

        var canary = Enumerable.Range(0, 1000).Count(i => harness.Constant("cn-bounds").Predict(Input, new PredictionRequest { RoutingKey = "k" + i.ToString(CultureInfo.InvariantCulture) }).Arm == ServingArm.Canary);

        Assert.AreEqual(expected, canary);
    }

    [TestMethod]
    public void Predict_NoRoutingKey_GoesToPrimary()
    {
        using var harness = new ServingHarness();
        var predictor = Canary(harness, "cn-nokey", 1.0);

        Assert.AreEqual(ServingArm.Primary, predictor.Predict(Input).Arm);
    }

    [TestMethod]
    public void Predict_CanaryAliasNotSet_PrimaryAnswers()
    {
        using var harness = new ServingHarness();
        harness.Registry.Point("cn-unset", "champion", harness.PublishConstant("cn-unset", 1));
        harness.Builder.AddPredictor<TestInput, TestOutput>("cn-unset", configure: o => (o.CanaryAlias, o.CanaryShare) = ("canary", 1.0));

        var prediction = harness.Constant("cn-unset").Predict(Input, new PredictionRequest { RoutingKey = "user-1" });

        Assert.AreEqual((ServingArm.Primary, 1), (prediction.Arm, prediction.Version));
    }

    [TestMethod]
    public void Snapshot_ArmPerUser_IsStableAcrossRuns()
    {
        using var harness = new ServingHarness();
        var predictor = Canary(harness, "spam", 0.3);
        var text = new StringBuilder("# Canary routing of model `spam`, share 0.3\n\n| routing key | arm | version |\n|---|---|---|\n");
        foreach (var user in new[] { "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy" })
        {
            var prediction = predictor.Predict(Input, new PredictionRequest { RoutingKey = user });
            text.Append(CultureInfo.InvariantCulture, $"| {user} | {prediction.Arm} | {prediction.Version} |\n");
        }

        Snapshot.Verify(text.ToString());
    }
}
