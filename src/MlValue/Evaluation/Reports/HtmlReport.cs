using System.Net;
using System.Text;

namespace MlValue.Evaluation.Reports;

/// <summary>One self-contained HTML file: inline CSS and SVG, no script, no external resource.</summary>
internal static partial class HtmlReport
{
    /// <summary>The most slices drawn per segment, so the file stays bounded.</summary>
    public const int MaxSlicesPerSegment = 40;

    private const string Style = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}svg text{font-size:11px;fill:#333}"
        + ".curve{fill:none;stroke:#1f6feb;stroke-width:2}.frame{fill:none;stroke:#999}.diagonal{stroke:#bbb;stroke-dasharray:4}"
        + "circle{fill:#1f6feb}.bar{fill:#1f6feb}.bar.small{fill:#d29922}.cell{fill:#1f6feb}.pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#777}"
        + ".scroll{max-width:100%;overflow-x:auto}td.detail{min-width:16em;max-width:36em;overflow-wrap:anywhere}td.num{text-align:right}";

    public static string Render(EvaluationResult result, PromotionDecision? decision)
    {
        var html = new StringBuilder();
        var title = "Evaluation of " + result.ModelName;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(MarkdownReport.TaskName(result.Task))).Append(" on holdout ")
            .Append(E(result.DatasetId ?? Fmt.None)).Append(", ").Append(Fmt.I(result.Count)).Append(" rows.</p>\n");
        html.Append("<section id=\"metrics\"><h2>Metrics</h2><table><tr><th>metric</th><th>value</th><th>note</th></tr>");
        foreach (var m in result.Metrics)
        {
            html.Append("<tr><td>").Append(E(m.Name)).Append("</td><td>").Append(Fmt.Metric(m)).Append("</td><td>").Append(E(m.UndefinedReason ?? string.Empty)).Append("</td></tr>");
        }

        html.Append("</table></section>\n");
        if (decision is not null)
        {
            Decision(html, decision);
        }

        Classes(html, result);

        if (result.Roc.Count > 0)
        {
            html.Append("<section id=\"roc\"><h2>ROC curve</h2>").Append(SvgCharts.Roc(result.Roc)).Append("</section>\n");
        }

        if (result.Calibration.Count > 0)
        {
            html.Append("<section id=\"calibration\"><h2>Calibration</h2><p>Expected calibration error: ").Append(Fmt.Metric(result.Metric(MetricNames.ExpectedCalibrationError)))
                .Append("</p>").Append(SvgCharts.Calibration(result.Calibration)).Append("</section>\n");
        }

        Slices(html, result);
        if (result.ConfusionMatrix is { } matrix)
        {
            html.Append("<section id=\"confusion\"><h2>Confusion matrix</h2>").Append(SvgCharts.Heatmap(matrix)).Append("</section>\n");
        }

        Worst(html, result);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Slices(StringBuilder html, EvaluationResult result)
    {
        foreach (var segment in result.Slices.GroupBy(s => s.Segment, StringComparer.Ordinal))
        {
            var metric = Fmt.PrimaryMetric(result.Task, segment);
            var shown = segment.OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal).Take(MaxSlicesPerSegment).OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();
            html.Append("<section class=\"slices\"><h2>").Append(E(metric)).Append(" by ").Append(E(segment.Key)).Append("</h2><p>Orange bars and ⚠: fewer than ")
                .Append(Fmt.I(result.MinSliceSize)).Append(" rows, too small to trust.");
            var hidden = segment.Count() - shown.Length;
            if (hidden > 0)
            {
                html.Append(" The ").Append(Fmt.I(hidden)).Append(" smallest slices are not drawn.");
            }

            html.Append("</p>").Append(SvgCharts.Bars(shown, metric)).Append("</section>\n");
        }
    }

    private static void Worst(StringBuilder html, EvaluationResult result)
    {
        if (result.WorstErrors.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"worst\"><h2>Worst errors</h2><table><tr><th>#</th><th>row</th><th>loss</th><th>label</th><th>prediction</th><th>input</th></tr>");
        foreach (var w in result.WorstErrors)
        {
            html.Append("<tr><td>").Append(Fmt.I(w.Rank)).Append("</td><td>").Append(Fmt.I(w.Row)).Append("</td><td>").Append(Fmt.N(w.Loss)).Append("</td><td>").Append(E(w.Label))
                .Append("</td><td>").Append(E(w.Prediction)).Append("</td><td>").Append(E(w.Input)).Append("</td></tr>");
        }

        html.Append("</table></section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
