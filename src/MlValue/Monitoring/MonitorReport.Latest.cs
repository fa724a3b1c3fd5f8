using System.Net;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>The latest window of the HTML page: drift, performance and data quality as HTML tables.</summary>
public static partial class MonitorReport
{
    private static readonly string[] DriftHeader = ["feature", "kind", "verdict", "n", "missing", "mean (ref)", "PSI", "JS", "KS (p)", "chi² (p)", "reason"];

    private static void LatestWindowHtml(StringBuilder html, MonitorWindow window)
    {
        html.Append("<h2>Latest window: ").Append(WebUtility.HtmlEncode(Span(window))).Append("</h2><div class=\"scroll\"><table><tr>");
        foreach (var name in DriftHeader)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var drift in window.Features.Append(window.Prediction))
        {
            var cells = DriftCells(drift);
            html.Append("<tr>");
            for (var i = 0; i < cells.Length; i++)
            {
                var css = i == 2 && drift.Verdict == DriftVerdict.Drift ? " class=\"drift\"" : i == cells.Length - 1 ? " class=\"reason\"" : string.Empty;
                html.Append("<td").Append(css).Append('>').Append(WebUtility.HtmlEncode(cells[i].Replace("**", string.Empty, StringComparison.Ordinal))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div><p>Performance: ").Append(WebUtility.HtmlEncode(Performance(window.Performance)))
            .Append("</p><p>Data quality: ").Append(WebUtility.HtmlEncode(DataQuality(window))).Append("</p>");
    }
}
