using System.Globalization;
using System.Text;
using MlValue.Monitoring;
using MlValue.Training;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

/// <summary>
/// The monitor charts as inline SVG drawn on the server: no script, no external request, styled by the page's own
/// stylesheet through classes. Every mark carries a <c>title</c> with its numbers, shown on hover.
/// </summary>
internal static class Charts
{
    private const double Width = 720;
    private const double LabelWidth = 150;
    private const double Row = 22;
    private const double PlotHeight = 160;
    private const double Top = 10;
    private const double Bottom = 24;
    private const double Left = 44;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Drift per feature over time: one row per feature (and the prediction), one cell per window, coloured by verdict.</summary>
    public static string Drift(IReadOnlyList<MonitorWindow> windows)
    {
        var features = windows.SelectMany(w => w.Features.Select(f => f.Feature)).Distinct(StringComparer.Ordinal).ToList();
        var rows = features.Count + 1;
        var cell = Math.Max(6, Math.Min(40, (Width - LabelWidth) / windows.Count));
        var height = (rows * Row) + Bottom;
        var sb = new StringBuilder();
        sb.Append(C, $"<svg class=\"chart\" data-chart=\"drift\" viewBox=\"0 0 {Px(Width)} {Px(height)}\" role=\"img\" aria-label=\"Drift per feature over {windows.Count} windows\">");
        for (var r = 0; r < rows; r++)
        {
            var name = r < features.Count ? features[r] : "prediction";
            var y = r * Row;
            sb.Append(C, $"<text class=\"label\" x=\"{Px(LabelWidth - 6)}\" y=\"{Px(y + 15)}\" text-anchor=\"end\">{E(name)}</text>");
            for (var i = 0; i < windows.Count; i++)
            {
                var window = windows[i];
                var drift = r < features.Count ? window.Features.FirstOrDefault(f => f.Feature == name) : window.Prediction;
                var verdict = drift?.Verdict;
                var css = verdict switch
                {
                    DriftVerdict.Drift => "v-drift",
                    DriftVerdict.Stable => "v-stable",
                    DriftVerdict.NoReference => "v-noref",
                    _ => "v-none",
                };
                var text = drift is null
                    ? $"{name}, {Day(window.Start)}: not recorded"
                    : $"{name}, {Day(window.Start)}: {Verdict(drift.Verdict)}{Statistic(drift)} — {drift.Reason}";
                sb.Append(C, $"<rect class=\"cell {css}\" data-verdict=\"{(verdict is { } v ? Verdict(v) : "none")}\" x=\"{Px(LabelWidth + (i * cell))}\" y=\"{Px(y + 2)}\" width=\"{Px(cell - 1)}\" height=\"{Px(Row - 4)}\"><title>{E(text)}</title></rect>");
            }
        }

        Axis(sb, windows, LabelWidth, cell, rows * Row);
        return sb.Append("</svg>").ToString();
    }

    /// <summary>
    /// The prediction distribution per window: for classes, the share of each predicted class as stacked bars; for
    /// scores, the band from the 5th to the 95th percentile with the median.
    /// </summary>
    public static string Predictions(IReadOnlyList<MonitorWindow> windows)
    {
        var sb = new StringBuilder();
        var step = (Width - Left) / windows.Count;
        var classes = windows.SelectMany(w => w.PredictedClasses.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        sb.Append(C, $"<svg class=\"chart\" data-chart=\"predictions\" viewBox=\"0 0 {Px(Width)} {Px(Top + PlotHeight + Bottom)}\" role=\"img\" aria-label=\"Prediction distribution over {windows.Count} windows\">");
        if (classes.Count > 0)
        {
            YAxis(sb, 0, 1);
            for (var i = 0; i < windows.Count; i++)
            {
                var total = (double)windows[i].PredictedClasses.Values.Sum();
                var y = Top + PlotHeight;
                for (var k = 0; k < classes.Count && total > 0; k++)
                {
                    var count = windows[i].PredictedClasses.GetValueOrDefault(classes[k]);
                    var h = PlotHeight * count / total;
                    y -= h;
                    sb.Append(C, $"<rect class=\"bar c{k % 6}\" x=\"{Px(Left + (i * step) + 1)}\" y=\"{Px(y)}\" width=\"{Px(Math.Max(1, step - 2))}\" height=\"{Px(h)}\"><title>{E($"{Day(windows[i].Start)}: {classes[k]} {count} of {total:0} ({count / total:P1})")}</title></rect>");
                }
            }

            Legend(sb, classes);
        }
        else
        {
            var values = windows.Select(w => w.Prediction).Where(p => p.P05 is not null && p.P95 is not null).ToList();
            var low = values.Count == 0 ? 0 : Math.Min(0, values.Min(p => p.P05!.Value));
            var high = values.Count == 0 ? 1 : Math.Max(low + 1e-9, values.Max(p => p.P95!.Value));
            YAxis(sb, low, high);
            for (var i = 0; i < windows.Count; i++)
            {
                var p = windows[i].Prediction;
                if (p.P05 is not { } p05 || p.P95 is not { } p95 || p.Median is not { } median)
                {
                    continue;
                }

                var x = Left + (i * step);
                var text = $"{Day(windows[i].Start)}: median {Number(median)}, 5th–95th percentile {Number(p05)}–{Number(p95)}, mean {Number(p.Mean)}, {p.Count} predictions";
                sb.Append(C, $"<rect class=\"band\" x=\"{Px(x + 1)}\" y=\"{Px(Y(p95, low, high))}\" width=\"{Px(Math.Max(1, step - 2))}\" height=\"{Px(Math.Max(1, Y(p05, low, high) - Y(p95, low, high)))}\"><title>{E(text)}</title></rect>");
                sb.Append(C, $"<circle class=\"median\" cx=\"{Px(x + (step / 2))}\" cy=\"{Px(Y(median, low, high))}\" r=\"3\"><title>{E(text)}</title></circle>");
            }
        }

        Axis(sb, windows, Left, step, Top + PlotHeight);
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Measured performance per window with enough labels: one line per metric of the task.</summary>
    /// <returns>The chart, or <see langword="null"/> when no window has enough labels.</returns>
    public static string? Performance(IReadOnlyList<MonitorWindow> windows)
    {
        var task = windows.Select(w => w.Performance.Task).FirstOrDefault();
        (string Name, Func<WindowPerformance, double?> Value)[] series = task == PredictionTask.Regression
            ? [("MAE", p => p.MeanAbsoluteError), ("RMSE", p => p.RootMeanSquaredError)]
            : task == PredictionTask.MulticlassClassification
                ? [("accuracy", p => p.Accuracy), ("macro F1", p => p.MacroF1)]
                : [("accuracy", p => p.Accuracy), ("precision", p => p.Precision), ("recall", p => p.Recall)];
        var points = windows.Select((w, i) => (w, i)).Where(x => x.w.Performance.Sufficient).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var values = points.SelectMany(x => series.Select(s => s.Value(x.w.Performance))).OfType<double>().Where(double.IsFinite).ToList();
        var (low, high) = task == PredictionTask.Regression ? (0d, Math.Max(1e-9, values.DefaultIfEmpty(1).Max())) : (0d, 1d);
        var step = (Width - Left) / windows.Count;
        var sb = new StringBuilder();
        sb.Append(C, $"<svg class=\"chart\" data-chart=\"performance\" viewBox=\"0 0 {Px(Width)} {Px(Top + PlotHeight + Bottom)}\" role=\"img\" aria-label=\"Measured performance over {windows.Count} windows\">");
        YAxis(sb, low, high);
        for (var s = 0; s < series.Length; s++)
        {
            var marks = points.Select(x => (x.w, x.i, v: series[s].Value(x.w.Performance))).Where(x => x.v is { } v && double.IsFinite(v)).ToList();
            if (marks.Count > 1)
            {
                sb.Append(C, $"<polyline class=\"line c{s}\" points=\"{string.Join(' ', marks.Select(m => $"{Px(Left + (m.i * step) + (step / 2))},{Px(Y(m.v!.Value, low, high))}"))}\"/>");
            }

            foreach (var (w, i, v) in marks)
            {
                sb.Append(C, $"<circle class=\"point c{s}\" cx=\"{Px(Left + (i * step) + (step / 2))}\" cy=\"{Px(Y(v!.Value, low, high))}\" r=\"3\"><title>{E($"{Day(w.Start)}: {series[s].Name} {Number(v)} on {w.Performance.Labeled} labels")}</title></circle>");
            }
        }

        Legend(sb, [.. series.Select(s => s.Name)]);
        Axis(sb, windows, Left, step, Top + PlotHeight);
        return sb.Append("</svg>").ToString();
    }

    public static string Verdict(DriftVerdict verdict) => verdict switch
    {
        DriftVerdict.Drift => "drift",
        DriftVerdict.Stable => "stable",
        DriftVerdict.NoReference => "no reference",
        _ => "too few values",
    };

    private static string Statistic(FeatureDrift drift)
        => drift.Psi is { } psi ? $" (PSI {Number(psi)})"
            : drift.JensenShannon is { } js ? $" (JS {Number(js)})"
            : drift.KsStatistic is { } ks ? $" (KS {Number(ks)})"
            : string.Empty;

    private static double Y(double value, double low, double high) => Top + (PlotHeight * (1 - ((value - low) / (high - low))));

    private static void YAxis(StringBuilder sb, double low, double high)
    {
        foreach (var fraction in new[] { 0d, 0.5, 1 })
        {
            var value = low + ((high - low) * fraction);
            var y = Y(value, low, high);
            sb.Append(C, $"<line class=\"grid\" x1=\"{Px(Left)}\" x2=\"{Px(Width)}\" y1=\"{Px(y)}\" y2=\"{Px(y)}\"/>");
            sb.Append(C, $"<text class=\"label\" x=\"{Px(Left - 4)}\" y=\"{Px(y + 4)}\" text-anchor=\"end\">{E(Number(value))}</text>");
        }
    }

    private static void Axis(StringBuilder sb, IReadOnlyList<MonitorWindow> windows, double left, double step, double y)
    {
        sb.Append(C, $"<text class=\"label\" x=\"{Px(left)}\" y=\"{Px(y + 16)}\">{E(Day(windows[0].Start))}</text>");
        if (windows.Count > 1)
        {
            sb.Append(C, $"<text class=\"label\" x=\"{Px(Math.Min(Width, left + (windows.Count * step)))}\" y=\"{Px(y + 16)}\" text-anchor=\"end\">{E(Day(windows[^1].Start))}</text>");
        }
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<string> names)
    {
        var x = Left + 4;
        for (var k = 0; k < names.Count; k++)
        {
            sb.Append(C, $"<rect class=\"key c{k % 6}\" x=\"{Px(x)}\" y=\"{Px(Top)}\" width=\"10\" height=\"10\"/><text class=\"label\" x=\"{Px(x + 14)}\" y=\"{Px(Top + 9)}\">{E(names[k])}</text>");
            x += 24 + (names[k].Length * 7);
        }
    }
}
