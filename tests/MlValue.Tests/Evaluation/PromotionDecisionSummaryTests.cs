using MlValue.Evaluation;
using static MlValue.Tests.Evaluation.EvaluationFixture;
using static MlValue.Tests.Evaluation.PromotionPolicyTests;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class PromotionDecisionSummaryTests
{
    [TestMethod]
    public async Task ToSummary_SliceRegresses_OneLineWithDecidingCheckAndCounts()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "keywords v3", KeywordSpamModel.V3), await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), await Spam(evaluator, "prior baseline", PriorBaseline()), SpamPolicy());

        var summary = decision.ToSummary();

        var (passed, failed, skipped) = (decision.Checks.Count(c => c.Outcome == CheckOutcome.Passed), decision.Checks.Count(c => c.Outcome == CheckOutcome.Failed), decision.Checks.Count(c => c.Outcome == CheckOutcome.Skipped));
        Assert.AreEqual($"REJECT 'keywords v3': accuracy regresses on slice group=hard-ham-1 from 0.3750 to 0.2750 (-0.1000), more than the tolerance 0.0200 ({passed} passed, {failed} failed, {skipped} skipped)", summary);
        Assert.IsLessThan(300, summary.Length);
    }

    [TestMethod]
    public async Task ToSummary_Promoted_NamesTheImprovementOverTheChampion()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "keywords v2", KeywordSpamModel.V2), await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), null, SpamPolicy());

        Assert.AreEqual(CheckKind.ImprovementOverChampion, decision.DecidingCheck()!.Kind);
        StringAssert.StartsWith(decision.ToSummary(), "PROMOTE 'keywords v2': auc ");
    }

    [TestMethod]
    public async Task ToMarkdown_SkippedChecks_SummarisedOneLinePerCause()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "keywords v3", KeywordSpamModel.V3), await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), null, SpamPolicy());
        var tooSmall = decision.Checks.Count(c => c.Outcome == CheckOutcome.Skipped && c.SkipReason == "slices smaller than 30 rows");

        var markdown = decision.ToMarkdown();

        Assert.IsGreaterThan(1, tooSmall);
        StringAssert.Contains(markdown, $"- ⏭ {tooSmall} slice checks skipped: slices smaller than 30 rows\n");
        Assert.DoesNotContain("⏭ skipped |", markdown);
    }

    [TestMethod]
    public async Task FromJson_DecisionWrittenWithoutSkipReasons_ReadsAndSummarises()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "keywords v3", KeywordSpamModel.V3), await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), null, SpamPolicy());
        var old = string.Join('\n', decision.ToJson().Split('\n').Where(l => !l.Contains("\"skipReason\"", StringComparison.Ordinal)));

        var back = PromotionDecision.FromJson(old);

        Assert.AreEqual(decision.ToSummary(), back.ToSummary());
        StringAssert.Contains(back.ToMarkdown(), "slice checks skipped: see the decision's JSON for each");
    }
}
