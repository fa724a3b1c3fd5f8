using System.Text;
using System.Text.RegularExpressions;
using MlValue.Evaluation;
using MlValue.Tests.Support;
using MlValue.Training;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed partial class EvaluationReportTests
{
    [TestMethod]
    public async Task ToMarkdown_SpamFilterOnHoldout_ReadsAsReport()
    {
        var result = await Evaluator(o => (o.WorstErrorCount, o.MaxInputLength) = (5, 120)).EvaluateBinaryAsync("keywords v2", KeywordSpamModel.V2, SpamHoldout());

        Snapshot.Verify(EvaluationReport.ToMarkdown(result));
    }

    [TestMethod]
    public async Task ToHtml_SpamFilterWithDecision_OutlineShowsSectionsAndCharts()
    {
        var evaluator = Evaluator(o => o.WorstErrorCount = 5);
        var champion = await PromotionPolicyTests.Spam(evaluator, "keywords v1", KeywordSpamModel.V1);
        var challenger = await PromotionPolicyTests.Spam(evaluator, "keywords v3", KeywordSpamModel.V3);
        var decision = EvaluationFixture.Judge().Decide(challenger, champion, null, PromotionPolicyTests.SpamPolicy());

        var html = EvaluationReport.ToHtml(challenger, decision);

        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.IsFalse(Regex.IsMatch(html, @"<[^>]*\b(src|href)\s*="), "no element loads an external resource");
        Assert.IsFalse(Regex.IsMatch(html, @"<[^>]*https?://(?!www\.w3\.org/2000/svg)"), "no URL in markup other than the SVG namespace");
        Snapshot.Verify(Outline(html));
    }

    [TestMethod]
    public async Task ToHtml_HundredTimesMoreRows_SimilarBoundedSize()
    {
        var evaluator = Evaluator();
        var small = await evaluator.EvaluateBinaryAsync("m", Echo(), Holdout(Synthetic(1_000, seed: 5)));
        var large = await evaluator.EvaluateBinaryAsync("m", Echo(), Holdout(Synthetic(100_000, seed: 5)));

        var (smallSize, largeSize) = (Encoding.UTF8.GetByteCount(EvaluationReport.ToHtml(small, null)), Encoding.UTF8.GetByteCount(EvaluationReport.ToHtml(large, null)));

        Assert.IsTrue(largeSize < 40_000, $"HTML of 100 000 rows is {largeSize} bytes");
        Assert.IsTrue(Math.Abs(largeSize - smallSize) < smallSize * 0.15, $"{smallSize} vs {largeSize} bytes");
    }

    [TestMethod]
    public async Task ToHtml_UserText_IsEncoded()
    {
        var rows = new[] { new Row<bool>(true, 0, 0.01f, false, "<img src=x onerror=alert(1)>"), new Row<bool>(false, 1, 0.2f, false) };
        var model = new DelegateModel<Row<bool>, BinaryPrediction>(r => new BinaryPrediction { Score = r.Score, Probability = r.Probability, PredictedLabel = r.Predicted });
        var result = await Evaluator().EvaluateBinaryAsync("<script>alert('model')</script>", model, new Holdout<Row<bool>, bool>(rows, r => r.Label)
        {
            Segments = [new Segment<Row<bool>>("group", r => r.Group)],
            InputFormatter = r => "<script>alert('input')</script> " + r.Group,
        });

        var html = EvaluationReport.ToHtml(result, null);

        Assert.IsFalse(html.Contains("<script", StringComparison.Ordinal));
        Assert.IsFalse(html.Contains("<img", StringComparison.Ordinal));
        StringAssert.Contains(html, "&lt;script&gt;alert(&#39;input&#39;)&lt;/script&gt;");
        StringAssert.Contains(EvaluationReport.ToMarkdown(result), "&lt;script&gt;");
    }

    [TestMethod]
    public async Task ToMarkdown_MulticlassAndRegression_RenderTheirSections()
    {
        var evaluator = Evaluator();
        var multi = await evaluator.EvaluateMulticlassAsync("m", ModelEvaluatorMulticlassTests.Model(), ModelEvaluatorMulticlassTests.Holdout(ModelEvaluatorMulticlassTests.KnownRows()));
        var regression = await evaluator.EvaluateRegressionAsync("r", ModelEvaluatorRegressionTests.Model(), ModelEvaluatorRegressionTests.Holdout([new(1, 2), new(3, 3)]));

        StringAssert.Contains(EvaluationReport.ToMarkdown(multi), "| a | 1 | 1 | 0 |");
        StringAssert.Contains(EvaluationReport.ToMarkdown(regression), "| rmse | 0.7071 |");
        StringAssert.Contains(EvaluationReport.ToHtml(multi, null), "<section id=\"confusion\">");
    }

    /// <summary>A normalised outline of the HTML: headings, sections and what each SVG draws.</summary>
    private static string Outline(string html)
    {
        var outline = new StringBuilder("# HTML report outline\n\n");
        outline.Append(Encoding.UTF8.GetByteCount(html) < 60_000 ? "Size: under 60 KB\n\n" : "Size: 60 KB or more\n\n");
        outline.Append("| element | text or content |\n|---|---|\n");
        foreach (Match m in OutlinePattern().Matches(html))
        {
            if (m.Groups["h"].Success)
            {
                outline.Append("| ").Append(m.Groups["h"].Value).Append(" | ").Append(Regex.Replace(m.Groups["ht"].Value, "<[^>]+>", string.Empty)).Append(" |\n");
            }
            else if (m.Groups["s"].Success)
            {
                outline.Append("| section | ").Append(m.Groups["s"].Value).Append(" |\n");
            }
            else if (m.Groups["svg"].Success)
            {
                var counts = ElementPattern().Matches(m.Groups["svg"].Value).GroupBy(e => e.Groups[1].Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
                outline.Append("| svg | ").Append(string.Join(", ", counts)).Append(" |\n");
            }
            else
            {
                var rows = Regex.Matches(m.Groups["t"].Value, "<tr").Count;
                outline.Append("| table | ").Append(rows - 1).Append(" rows |\n");
            }
        }

        return outline.ToString();
    }

    [GeneratedRegex("<(?<h>h[1-3])>(?<ht>.*?)</h[1-3]>|<section (?<s>[^>]*)>|<svg[^>]*>(?<svg>.*?)</svg>|<table>(?<t>.*?)</table>", RegexOptions.Singleline)]
    private static partial Regex OutlinePattern();

    [GeneratedRegex("<(polyline|circle|rect|line|text|title)\\b")]
    private static partial Regex ElementPattern();
}
