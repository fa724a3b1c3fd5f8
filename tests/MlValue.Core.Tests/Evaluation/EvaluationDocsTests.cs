using Microsoft.Extensions.DependencyInjection;
using MlValue.Evaluation;
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

        PromotionDecision decision = evaluator.Decide(challenger, champion, baseline, policy: null);
        string reason = decision.ToJson();                                  // store with the alias move
        string markdown = EvaluationReport.ToMarkdown(challenger);
        string html = EvaluationReport.ToHtml(challenger, decision);        // one self-contained file
        IReadOnlyDictionary<string, double> metrics = challenger.ToMetricDictionary(); // for ModelRegistration.Metrics
        // docs/evaluation.md: end snippet

        Assert.IsTrue(decision.Promote, decision.Reason);
        StringAssert.Contains(reason, "\"promote\": true");
        StringAssert.StartsWith(markdown, "# Evaluation of keywords v2");
        StringAssert.StartsWith(html, "<!DOCTYPE html>");
        Assert.IsTrue(metrics.ContainsKey(MetricNames.Auc));
    }
}
