using MlValue.Evaluation;
using static MlValue.Tests.Evaluation.EvaluationFixture;
using static MlValue.Tests.Evaluation.PromotionPolicyTests;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class EvaluationHtmlTests
{
    [TestMethod]
    public async Task ToHtml_Multiclass_PerClassTableWithMacroF1Row()
    {
        var result = await Evaluator().EvaluateMulticlassAsync("m", ModelEvaluatorMulticlassTests.Model(), ModelEvaluatorMulticlassTests.Holdout(ModelEvaluatorMulticlassTests.KnownRows()));

        var html = EvaluationReport.ToHtml(result, null);

        StringAssert.Contains(html, "<section id=\"classes\"><h2>Per class</h2><div class=\"scroll\"><table><tr><th>class</th><th>support</th><th>precision</th><th>recall</th><th>F1</th></tr>");
        StringAssert.Contains(html, "<tr><td>a</td><td class=\"num\">2</td><td class=\"num\">1.0000</td><td class=\"num\">0.5000</td><td class=\"num\">0.6667</td></tr>");
        StringAssert.Contains(html, "<tr><th>macro</th><td class=\"num\">4</td><td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">0.7778</td></tr>");
    }

    [TestMethod]
    public async Task ToHtml_ModelWithoutTheRareClass_SaysWhichClassItDoesNotKnow()
    {
        var holdout = new Holdout<ModelEvaluatorClassAlignmentTests.Day, string>(ModelEvaluatorClassAlignmentTests.Days(), d => d.Weather) { ClassNames = ModelEvaluatorClassAlignmentTests.HoldoutClasses };
        var result = await Evaluator().EvaluateMulticlassAsync("without snow", ModelEvaluatorClassAlignmentTests.ChampionWithoutSnow(), holdout);

        StringAssert.Contains(EvaluationReport.ToHtml(result, null), "<p>Classes the model does not know (never predicted, recall 0): snow.</p>");
        StringAssert.Contains(EvaluationReport.ToMarkdown(result), "| snow | 2 | undefined | 0.0000 | 0.0000 |");
    }

    [TestMethod]
    public async Task ToHtml_DecisionWithManyChecks_TableScrollsInsideItsOwnBoxAndDetailsWrap()
    {
        var evaluator = Evaluator();
        var decision = EvaluationFixture.Judge().Decide(await Spam(evaluator, "keywords v3", KeywordSpamModel.V3), await Spam(evaluator, "keywords v1", KeywordSpamModel.V1), null, SpamPolicy());

        var html = EvaluationReport.ToHtml(await Spam(evaluator, "keywords v3", KeywordSpamModel.V3), decision);

        StringAssert.Contains(html, ".scroll{max-width:100%;overflow-x:auto}td.detail{min-width:16em;max-width:36em;overflow-wrap:anywhere}");
        StringAssert.Contains(html, "</h2><p>" + System.Net.WebUtility.HtmlEncode(decision.Reason) + "</p><div class=\"scroll\"><table>");
        StringAssert.Contains(html, "<li>6 slice checks skipped: slices smaller than 30 rows</li>");
    }
}
