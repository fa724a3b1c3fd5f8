using System.Globalization;
using System.Net;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>The self-contained HTML form of the report, with one inline-SVG sparkline per feature and metric.</summary>
public static partial class MonitorReport
{
    /// <summary>The most windows drawn in a sparkline; older windows are left out so the page stays bounded.</summary>
    public const int MaxSparklinePoints = 400;

    /// <summary>Renders the windows as one HTML page (no scripts, no external resources).</summary>
    /// <param name="title">The report title.</param>
    /// <param name="windows">The windows, oldest first.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(string title, IReadOnlyList<MonitorWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(windows);
        var shown = windows.Skip(Math.Max(0, windows.Count - MaxSparklinePoints)).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.drift{color:#b00;font-weight:bold}.scroll{max-width:100%;overflow-x:auto}td.reason{min-width:16em;max-width:36em;overflow-wrap:anywhere}</style></head><body>")
            .Append("<h1>Monitor report: ").Append(Encode(title)).Append("</h1>");
        if (shown.Count == 0)
        {
            return html.Append("<p>No windows with data.</p></body></html>").ToString();
        }

        html.Append("<p>").Append(Encode(Span(shown[0]))).Append(" to ").Append(Encode(Span(shown[^1]))).Append(", ").Append(shown.Count.ToString(CultureInfo.InvariantCulture)).Append(" windows.</p>");
        html.Append("<table><tr><th>feature</th><th>metric</th><th>over time</th><th>latest</th><th>latest verdict</th></tr>");
        var names = shown[^1].Features.Append(shown[^1].Prediction).Select(f => f.Feature).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var index = i;
            FeatureDrift Pick(MonitorWindow w) => index < w.Features.Count ? w.Features[index] : w.Prediction;
            Row(html, names[i], "JS distance", shown.Select(w => Pick(w).JensenShannon).ToList(), Pick(shown[^1]).Verdict);
            Row(html, names[i], "PSI", shown.Select(w => Pick(w).Psi).ToList(), Pick(shown[^1]).Verdict);
            Row(html, names[i], "mean", shown.Select(w => Pick(w).Mean).ToList(), Pick(shown[^1]).Verdict);
        }

        Row(html, "performance", "accuracy", shown.Select(w => w.Performance.Accuracy ?? (w.Performance.MeanAbsoluteError is { } e ? -e : null)).ToList(), null);
        Row(html, "data quality", "records", shown.Select(w => (double?)w.Records).ToList(), null);
        Row(html, "data quality", "too late", shown.Select(w => (double?)w.TooLate).ToList(), null);
        Row(html, "data quality", "unknown outcomes", shown.Select(w => (double?)(w.UnknownOutcomes + w.ExpiredOutcomes)).ToList(), null);
        html.Append("</table>");
        LatestWindowHtml(html, shown[^1]);
        ClassesHtml(html, shown[^1]);
        return html.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder html, string feature, string metric, List<double?> values, DriftVerdict? verdict)
    {
        html.Append("<tr><td>").Append(Encode(feature)).Append("</td><td>").Append(Encode(metric)).Append("</td><td>")
            .Append(Sparkline(values)).Append("</td><td>").Append(Num(values[^1])).Append("</td><td")
            .Append(verdict == DriftVerdict.Drift ? " class=\"drift\"" : string.Empty).Append('>')
            .Append(verdict is { } v ? Encode(v.ToString()) : string.Empty).Append("</td></tr>");
    }

    /// <summary>A 160×32 polyline of the values; gaps (null) break the line.</summary>
    internal static string Sparkline(List<double?> values)
    {
        const double Width = 160, Height = 32;
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"32\" viewBox=\"0 0 160 32\">");
        if (known.Count > 0)
        {
            double min = known.Min(), max = known.Max(), span = max - min == 0 ? 1 : max - min;
            var points = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } v)
                {
                    Flush(svg, points);
                    continue;
                }

                var x = values.Count == 1 ? Width / 2 : i * Width / (values.Count - 1);
                var y = Height - 2 - ((v - min) / span * (Height - 4));
                points.Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ');
            }

            Flush(svg, points);
        }

        return svg.Append("</svg>").ToString();

        static void Flush(StringBuilder svg, StringBuilder points)
        {
            if (points.Length > 0)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"1.5\" points=\"").Append(points.ToString().TrimEnd()).Append("\"/>");
                points.Clear();
            }
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
