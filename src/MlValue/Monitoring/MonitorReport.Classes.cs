using MlValue.Training;
using System.Net;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>The multiclass parts of the report: the predicted-class distribution and the per-class table.</summary>
public static partial class MonitorReport
{
    /// <summary>Renders a multiclass window's predicted classes and per-class performance as Markdown; empty for other kinds.</summary>
    /// <param name="window">The window.</param>
    /// <returns>The Markdown (a line and a table), or an empty string.</returns>
    public static string ClassesMarkdown(MonitorWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Performance.Task != PredictionTask.MulticlassClassification)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        Line(md, $"");
        Line(md, $"Predicted classes: {ClassShares(window)}.");
        if (window.Performance.Classes.Count == 0)
        {
            return md.ToString();
        }

        Line(md, $"");
        Line(md, $"| class | predicted | support | TP | FP | FN | precision | recall | F1 |");
        Line(md, $"|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in window.Performance.Classes)
        {
            Line(md, $"| {c.Class} | {window.PredictedClasses.GetValueOrDefault(c.Class)} | {c.Support} | {c.TruePositives} | {c.FalsePositives} | {c.FalseNegatives} | {Num(c.Precision)} | {Num(c.Recall)} | {Num(c.F1)} |");
        }

        return md.ToString();
    }

    private static string ClassShares(MonitorWindow window)
    {
        var total = window.PredictedClasses.Values.Sum();
        return total == 0 ? MlValue.Internal.MarkdownText.None : string.Join(", ", window.PredictedClasses.Select(p => Inv($"{p.Key} {p.Value} ({100.0 * p.Value / total:0.0} %)")));
    }

    private static void ClassesHtml(StringBuilder html, MonitorWindow window)
    {
        if (window.Performance.Task != PredictionTask.MulticlassClassification)
        {
            return;
        }

        html.Append("<h2>Classes in the latest window</h2><p>Predicted classes: ").Append(WebUtility.HtmlEncode(ClassShares(window))).Append(".</p>")
            .Append("<table><tr><th>class</th><th>predicted</th><th>support</th><th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th></tr>");
        foreach (var c in window.Performance.Classes)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(c.Class)).Append("</td>");
            foreach (var cell in new[] { Inv($"{window.PredictedClasses.GetValueOrDefault(c.Class)}"), Inv($"{c.Support}"), Inv($"{c.TruePositives}"), Inv($"{c.FalsePositives}"), Inv($"{c.FalseNegatives}"), Num(c.Precision), Num(c.Recall), Num(c.F1) })
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><p>Macro-F1 ").Append(Num(window.Performance.MacroF1)).Append(", accuracy ").Append(Num(window.Performance.Accuracy)).Append(".</p>");
    }
}
