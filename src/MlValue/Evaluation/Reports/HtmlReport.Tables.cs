using System.Text;

namespace MlValue.Evaluation.Reports;

/// <summary>The decision and per-class tables; each wide table scrolls inside its own box.</summary>
internal static partial class HtmlReport
{
    private static void Decision(StringBuilder html, PromotionDecision decision)
    {
        html.Append("<section id=\"decision\"><h2>Promotion decision: ").Append(decision.Promote ? "PROMOTE" : "REJECT").Append("</h2><p>").Append(E(decision.Reason)).Append("</p>");
        html.Append("<div class=\"scroll\"><table><tr><th>check</th><th>metric</th><th>slice</th><th>challenger</th><th>champion</th><th>baseline</th><th>threshold</th><th>margin</th><th>outcome</th><th>detail</th></tr>");
        foreach (var c in decision.Checks.Where(c => c.Outcome != CheckOutcome.Skipped))
        {
            var css = c.Outcome == CheckOutcome.Passed ? "pass" : "fail";
            html.Append("<tr class=\"").Append(css).Append("\"><td>").Append(c.Kind).Append("</td><td>").Append(E(c.Metric ?? Fmt.None)).Append("</td><td>")
                .Append(E(c.Segment is null ? Fmt.None : $"{c.Segment}={c.Slice}")).Append("</td>");
            foreach (var value in new[] { c.Challenger, c.Champion, c.Baseline, c.Threshold, c.Margin })
            {
                html.Append("<td class=\"num\">").Append(Fmt.N(value)).Append("</td>");
            }

            html.Append("<td>").Append(c.Outcome).Append("</td><td class=\"detail\">").Append(E(c.Detail)).Append("</td></tr>");
        }

        html.Append("</table></div>");
        var skipped = DecisionMarkdown.SkippedLines(decision);
        if (skipped.Count > 0)
        {
            html.Append("<ul class=\"skip\">");
            foreach (var line in skipped)
            {
                html.Append("<li>").Append(E(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>\n");
    }

    private static void Classes(StringBuilder html, EvaluationResult result)
    {
        if (result.ClassMetrics.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"classes\"><h2>Per class</h2><div class=\"scroll\"><table><tr><th>class</th><th>support</th><th>precision</th><th>recall</th><th>F1</th></tr>");
        foreach (var c in result.ClassMetrics)
        {
            html.Append("<tr><td>").Append(E(c.ClassName)).Append("</td><td class=\"num\">").Append(Fmt.I(c.Support)).Append("</td><td class=\"num\">").Append(Fmt.Metric(c.Precision))
                .Append("</td><td class=\"num\">").Append(Fmt.Metric(c.Recall)).Append("</td><td class=\"num\">").Append(Fmt.Metric(c.F1)).Append("</td></tr>");
        }

        if (result.Metric(MetricNames.MacroF1) is { } macro)
        {
            html.Append("<tr><th>macro</th><td class=\"num\">").Append(Fmt.I(result.ClassMetrics.Sum(c => c.Support))).Append("</td><td class=\"num\">").Append(Fmt.None)
                .Append("</td><td class=\"num\">").Append(Fmt.None).Append("</td><td class=\"num\">").Append(Fmt.Metric(macro)).Append("</td></tr>");
        }

        html.Append("</table></div>");
        if (result.ClassesUnknownToModel.Count > 0)
        {
            html.Append("<p>Classes the model does not know (never predicted, recall 0): ").Append(E(string.Join(", ", result.ClassesUnknownToModel))).Append(".</p>");
        }

        html.Append("</section>\n");
    }
}
