using System.Text;
using MlValue.Monitoring;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

internal static partial class DashboardPages
{
    public static string? Monitor(DashboardView view, string name)
    {
        if (view.Models.Find(name) is not { HasMonitor: true } model)
        {
            return null;
        }

        var all = model.MonitorWindows(WindowSpec.Tumbling(view.Options.MonitorWindow));
        var first = all.Count - 1;
        while (first >= 0 && all[first].Records == 0)
        {
            first--;
        }

        var windows = all.Take(first + 1).TakeLast(view.Options.MaxWindows).ToList();
        var sb = new StringBuilder();
        sb.Append(Facts(
            ("model", $"<a href=\"{view.Link("models", name)}\">{E(name)}</a>"),
            ("windows", $"{windows.Count} of {E(FormatSpan(view.Options.MonitorWindow))}"),
            ("records", Number(windows.Sum(w => w.Records)))));
        if (windows.Count == 0)
        {
            sb.Append("<p class=\"muted\">No prediction has been recorded yet.</p>\n");
            return Page(view.Options.Title, $"Monitor {name}", view.BasePath, sb.ToString());
        }

        sb.Append("<h2>Drift per feature</h2>\n<p class=\"muted\">One row per feature, one cell per window: red drift, green stable, blue no reference, grey too few values. Hover a cell for its statistic and reason.</p>\n");
        sb.Append(Charts.Drift(windows));
        sb.Append("<h2>Predictions</h2>\n").Append(Charts.Predictions(windows));
        sb.Append("<h2>Performance</h2>\n");
        sb.Append(Charts.Performance(windows) ?? $"<p class=\"muted\">No window has enough labels yet ({Number(windows.Sum(w => w.Performance.Labeled))} labelled predictions in all).</p>\n");

        var latest = windows[^1];
        sb.Append(C, $"<h2>Latest window: {E(Time(latest.Start))} to {E(Time(latest.End))}</h2>\n");
        sb.Append(Facts(
            ("records", Number(latest.Records)),
            ("predictions by version", latest.Versions.Count == 0 ? "—" : string.Join(", ", latest.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"v{E(v.Key)}: {Number(v.Value)}"))),
            ("reference", E(latest.ReferenceVersion ?? "none")),
            ("labelled", $"{Number(latest.Performance.Labeled)}{(latest.Performance.Sufficient ? string.Empty : " (too few to judge)")}"),
            ("late / too late / in future", $"{Number(latest.LateAccepted)} / {Number(latest.TooLate)} / {Number(latest.InFuture)}"),
            ("invalid predictions", Number(latest.InvalidPredictions)),
            ("drift", latest.HasDrift ? Status("drift", "bad") : Status("none", "ok"))));
        sb.Append("<table data-table=\"features\"><thead><tr><th>feature</th><th>verdict</th><th class=\"num\">count</th><th class=\"num\">missing</th><th class=\"num\">mean</th><th class=\"num\">reference mean</th><th class=\"num\">PSI</th><th>reason</th></tr></thead><tbody>\n");
        foreach (var feature in latest.Features.Append(latest.Prediction))
        {
            var verdict = feature.Verdict switch
            {
                DriftVerdict.Drift => Status("drift", "bad"),
                DriftVerdict.Stable => Status("stable", "ok"),
                _ => Status(Charts.Verdict(feature.Verdict), string.Empty),
            };
            sb.Append(C, $"<tr><td>{E(feature.Feature)}</td><td>{verdict}</td><td class=\"num\">{Number(feature.Count)}</td><td class=\"num\">{Number(feature.Missing)}</td><td class=\"num\">{Number(feature.Mean)}</td><td class=\"num\">{Number(feature.ReferenceMean)}</td><td class=\"num\">{Number(feature.Psi)}</td><td>{E(feature.Reason)}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        return Page(view.Options.Title, $"Monitor {name}", view.BasePath, sb.ToString());
    }

    private static string FormatSpan(TimeSpan span)
        => span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0} day(s)"
            : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} hour(s)"
            : span.ToString();
}
