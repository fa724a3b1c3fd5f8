using Microsoft.Extensions.DependencyInjection;
using MlValue.Evaluation;
using MlValue.Training;
using MlValue.Tests.Support;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class EvaluationDocsTests
{
    [TestMethod]
    public async Task Docs_EvaluateCompareAndRender_EndToEnd()
    {
        // docs/evaluation.md: begin snippet
        await using var provider = new ServiceCollection()
            .AddMlValue()
            .AddEvaluation(o => o.Policy.Rules.Add(new MetricRule { Metric = MetricNames.Auc, Threshold = 0.75, MinAbsoluteImprovement = 0.01 }))
            .Services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IEvaluator>();
        var judge = provider.GetRequiredService<IPromotionJudge>();

        var holdout = new Holdout<SpamMessage, bool>(SpamFixture.All, m => m.IsSpam)
        {
            DatasetId = "spamassassin-sample",
            ClassNames = ["ham", "spam"],
            Segments = [new Segment<SpamMessage>("group", m => m.Group)],
            InputFormatter = m => m.Subject,
        };
        var baseline = await evaluator.EvaluateBinaryAsync("prior baseline", EvaluationFixture.PriorBaseline(), holdout);
        var champion = await evaluator.EvaluateBinaryAsync("keywords v1", KeywordSpamModel.V1, holdout);
        var challenger = await evaluator.EvaluateBinaryAsync("keywords v2", KeywordSpamModel.V2, holdout);

        PromotionDecision decision = judge.Decide(challenger, champion, baseline, policy: null);
        string reason = decision.ToSummary();                               // the reason of the alias move: one line
        string full = decision.ToJson();                                    // attach as PromotionDecision.AttachmentName
        string markdown = EvaluationReport.ToMarkdown(challenger);
        string html = EvaluationReport.ToHtml(challenger, decision);        // one self-contained file
        IReadOnlyDictionary<string, double> metrics = challenger.ToMetricDictionary(); // for ModelRegistration.Metrics
        // docs/evaluation.md: end snippet

        Assert.IsTrue(decision.Promote, decision.Reason);
        StringAssert.StartsWith(reason, "PROMOTE 'keywords v2': auc ");
        StringAssert.Contains(full, "\"promote\": true");
        StringAssert.StartsWith(markdown, "# Evaluation of keywords v2");
        StringAssert.StartsWith(html, "<!DOCTYPE html>");
        Assert.IsTrue(metrics.ContainsKey(MetricNames.Auc));
    }

    [TestMethod]
    public async Task Docs_ModelsWithDifferentClassSets_EvaluatedOnOneHoldout()
    {
        var evaluator = EvaluationFixture.Evaluator();
        var judge = EvaluationFixture.Judge();
        IEnumerable<ModelEvaluatorClassAlignmentTests.Day> days = ModelEvaluatorClassAlignmentTests.Days();
        var championModel = ModelEvaluatorClassAlignmentTests.ChampionScores();
        var challengerModel = ModelEvaluatorClassAlignmentTests.ChallengerScores();

        // docs/evaluation.md: begin alignment snippet
        // The holdout's classes are the truth; each model names its own classes in score order.
        var holdout = new Holdout<ModelEvaluatorClassAlignmentTests.Day, string>(days, d => d.Weather) { ClassNames = ["clear", "rain", "snow"] };
        var champion = await evaluator.EvaluateMulticlassAsync("v1", championModel.WithClassNames(["clear", "rain"]), holdout);
        var challenger = await evaluator.EvaluateMulticlassAsync("v2", challengerModel.WithClassNames(["rain", "snow", "clear"]), holdout);
        // champion.ClassesUnknownToModel is ["snow"]: never predicted, recall 0, probability 0.
        var policy = new PromotionPolicy { RequireBaseline = false, Rules = { new MetricRule { Metric = MetricNames.MacroF1, MinAbsoluteImprovement = 0.05 } } };
        PromotionDecision decision = judge.Decide(challenger, champion, baseline: null, policy);
        // docs/evaluation.md: end alignment snippet

        CollectionAssert.AreEqual(new[] { "snow" }, champion.ClassesUnknownToModel.ToArray());
        Assert.IsTrue(decision.Promote, decision.Reason);
    }
}
