using MlValue.Evaluation;
using MlValue.Tests.Support;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class PromotionPolicyTests
{
    [TestMethod]
    public async Task Decide_ChallengerBetterEverywhere_PromotesWithEveryCheck()
    {
        var evaluator = Evaluator();
        var (champion, baseline) = (await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), await Spam(evaluator, "prior baseline", PriorBaseline()));
        var challenger = await Spam(evaluator, "keywords v2", KeywordSpamModel.V2);

        var decision = EvaluationFixture.Judge().Decide(challenger, champion, baseline, SpamPolicy());

        Assert.IsTrue(decision.Promote, decision.Reason);
        Snapshot.Verify(decision.ToMarkdown() + "\n## As the reason of the alias move\n\n" + decision.ToSummary() + "\n\n## As JSON (kept beside the version as " + PromotionDecision.AttachmentName + ")\n\n```json\n" + decision.ToJson() + "\n```\n");
    }

    [TestMethod]
    public async Task Decide_SliceRegressesPastTolerance_RejectsNamingTheSlice()
    {
        var evaluator = Evaluator();
        var (champion, baseline) = (await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), await Spam(evaluator, "prior baseline", PriorBaseline()));
        var challenger = await Spam(evaluator, "keywords v3", KeywordSpamModel.V3);

        var decision = EvaluationFixture.Judge().Decide(challenger, champion, baseline, SpamPolicy());

        Assert.IsFalse(decision.Promote);
        StringAssert.Contains(decision.Reason, "slice group=hard-ham-1");
        Assert.IsTrue(decision.Checks.Single(c => c.Kind == CheckKind.ImprovementOverChampion && c.Metric == MetricNames.Auc).Outcome == CheckOutcome.Passed);
        Snapshot.Verify(decision.ToMarkdown());
    }

    [TestMethod]
    public async Task Decide_FirstModelWithoutBaseline_RejectedAskingForBaseline()
    {
        var evaluator = Evaluator();
        var challenger = await Spam(evaluator, "keywords v1", KeywordSpamModel.V1);

        var decision = EvaluationFixture.Judge().Decide(challenger, null, null, SpamPolicy());

        Assert.IsFalse(decision.Promote);
        Assert.AreEqual(CheckKind.BaselineRequired, decision.Checks[0].Kind);
        StringAssert.Contains(decision.Reason, "a first model must beat the no-ML baseline");
    }

    [TestMethod]
    public async Task Decide_FirstModelBeatsBaseline_PromotedOnThresholds()
    {
        var evaluator = Evaluator();
        var challenger = await Spam(evaluator, "keywords v1", KeywordSpamModel.V1);
        var baseline = await Spam(evaluator, "prior baseline", PriorBaseline());

        var decision = EvaluationFixture.Judge().Decide(challenger, null, baseline, SpamPolicy());

        Assert.IsTrue(decision.Promote, decision.Reason);
        Assert.IsNull(decision.Champion);
        CollectionAssert.AreEquivalent(new[] { CheckKind.Threshold, CheckKind.BeatsBaseline }, decision.Checks.Select(c => c.Kind).Distinct().ToArray());
    }

    [TestMethod]
    public async Task Decide_BaselineBeatsChallenger_Rejected()
    {
        var evaluator = Evaluator();
        var challenger = await Spam(evaluator, "prior v1", PriorBaseline());
        var baseline = await Spam(evaluator, "keywords baseline", KeywordSpamModel.V1);

        var decision = EvaluationFixture.Judge().Decide(challenger, null, baseline, new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.Auc } } });

        Assert.IsFalse(decision.Promote);
        StringAssert.Contains(decision.Reason, "does not beat the no-ML baseline");
    }

    [TestMethod]
    public async Task Decide_BelowThreshold_Rejected()
    {
        var evaluator = Evaluator();
        var (challenger, baseline) = (await Spam(evaluator, "v1", KeywordSpamModel.V1), await Spam(evaluator, "prior", PriorBaseline()));

        var decision = EvaluationFixture.Judge().Decide(challenger, null, baseline, new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.Auc, Threshold = 0.95 } } });

        Assert.IsFalse(decision.Promote);
        Assert.AreEqual("Reject 'v1': auc 0.8007 misses the threshold ≥ 0.9500.", decision.Reason);
    }

    [TestMethod]
    [DataRow(0.5f, true)]
    [DataRow(1.5f, false)]
    public async Task Decide_LowerIsBetterMetric_DirectionAware(float challengerNoise, bool promote)
    {
        var evaluator = Evaluator();
        ModelEvaluatorRegressionTests.Point[] Points(float noise) => [.. Enumerable.Range(0, 40).Select(i => new ModelEvaluatorRegressionTests.Point(i, i + (i % 2 == 0 ? noise : -noise)))];
        var champion = await evaluator.EvaluateRegressionAsync("r1", ModelEvaluatorRegressionTests.Model(), ModelEvaluatorRegressionTests.Holdout(Points(1f)));
        var challenger = await evaluator.EvaluateRegressionAsync("r2", ModelEvaluatorRegressionTests.Model(), ModelEvaluatorRegressionTests.Holdout(Points(challengerNoise)));
        var policy = new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.Rmse, Threshold = 1.2, MinRelativeImprovement = 0.1 } } };

        var decision = EvaluationFixture.Judge().Decide(challenger, champion, null, policy);

        Assert.AreEqual(promote, decision.Promote, decision.Reason);
        Assert.AreEqual(0.1, decision.Checks.Single(c => c.Kind == CheckKind.ImprovementOverChampion).Margin!.Value, 1e-9);
    }

    [TestMethod]
    public async Task Decide_EmptyRules_DefaultsToPrimaryMetricWithOnePercent()
    {
        var evaluator = Evaluator();
        var (champion, challenger) = (await Spam(evaluator, "v1", KeywordSpamModel.V1), await Spam(evaluator, "v2", KeywordSpamModel.V2));

        var decision = EvaluationFixture.Judge().Decide(challenger, champion, null, null);

        var check = decision.Checks.Single(c => c.Kind == CheckKind.ImprovementOverChampion);
        Assert.AreEqual(MetricNames.Auc, check.Metric);
        Assert.AreEqual(0.01 * champion.Metric(MetricNames.Auc)!.Value!.Value, check.Margin!.Value, 1e-12);
    }

    [TestMethod]
    public async Task Decide_DifferentHoldouts_Throws()
    {
        var evaluator = Evaluator();
        var champion = await evaluator.EvaluateBinaryAsync("a", Echo(), Holdout(Synthetic(50, 1), "set-1"));
        var challenger = await evaluator.EvaluateBinaryAsync("b", Echo(), Holdout(Synthetic(50, 1), "set-2"));

        var error = Assert.ThrowsExactly<EvaluationException>(() => EvaluationFixture.Judge().Decide(challenger, champion, null, null));

        StringAssert.Contains(error.Message, "Evaluate every model on the same holdout");
    }

    [TestMethod]
    public async Task Decide_RuleOnMetricTheTaskLacks_Throws()
    {
        var evaluator = Evaluator();
        var result = await evaluator.EvaluateBinaryAsync("a", Echo(), Holdout(Synthetic(50, 1)));

        var error = Assert.ThrowsExactly<EvaluationException>(() => EvaluationFixture.Judge().Decide(result, null, null, new PromotionPolicy { Rules = { new MetricRule { Metric = MetricNames.Rmse } } }));

        StringAssert.Contains(error.Message, "The policy names metric 'rmse', which a binary classification evaluation of 'a' does not have");
    }

    [TestMethod]
    public async Task PromotionDecision_JsonRoundTrip_KeepsEveryCheck()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "v2", KeywordSpamModel.V2), await Spam(evaluator, "v1", KeywordSpamModel.V1), null, SpamPolicy());

        var back = PromotionDecision.FromJson(decision.ToJson());

        Assert.AreEqual(decision.ToJson(), back.ToJson());
        Assert.AreEqual(decision.Checks.Count, back.Checks.Count);
    }

    [TestMethod]
    public void PromotionDecision_FromBadJson_ThrowsEvaluationException()
    {
        var error = Assert.ThrowsExactly<EvaluationException>(() => PromotionDecision.FromJson("{\"promote\": \"yes\"}"));

        StringAssert.Contains(error.Message, "cannot be read");
    }

    internal static PromotionPolicy SpamPolicy() => new()
    {
        SliceTolerance = 0.02,
        Rules =
        {
            new MetricRule { Metric = MetricNames.Auc, Threshold = 0.75, MinAbsoluteImprovement = 0.01 },
            new MetricRule { Metric = MetricNames.Accuracy, Threshold = 0.70 },
        },
    };

    internal static Task<EvaluationResult> Spam(ModelEvaluator evaluator, string name, MlValue.Training.IPredictionModel<SpamMessage, MlValue.Training.BinaryPrediction> model)
        => evaluator.EvaluateBinaryAsync(name, model, SpamHoldout());
}
