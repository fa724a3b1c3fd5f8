using System.Net;
using System.Text;

namespace MlValue.Evaluation.Reports;

/// <summary>Charts as inline SVG with a bounded number of elements, whatever the holdout size.</summary>
internal static class SvgCharts
{
    private const double Left = 45, Top = 10, Size = 250;

    public static string Roc(IReadOnlyList<RocPoint> roc)
    {
        var svg = Open("ROC curve: true positive rate against false positive rate");
        Axes(svg, "false positive rate", "true positive rate");
        svg.Append("<polyline class=\"curve\" points=\"")
            .AppendJoin(' ', roc.Select(p => $"{Fmt.Px(X(p.FalsePositiveRate))},{Fmt.Px(Y(p.TruePositiveRate))}"))
            .Append("\"/>");
        return svg.Append("</svg>").ToString();
    }

    public static string Calibration(IReadOnlyList<CalibrationBin> bins)
    {
        var svg = Open("Calibration: observed positive rate against mean predicted probability per bin");
        Axes(svg, "mean predicted probability", "observed rate");
        var filled = bins.Where(b => b.Count > 0).ToArray();
        svg.Append("<polyline class=\"curve\" points=\"")
            .AppendJoin(' ', filled.Select(b => $"{Fmt.Px(X(b.MeanPredicted!.Value))},{Fmt.Px(Y(b.ObservedRate!.Value))}"))
            .Append("\"/>");
        foreach (var b in filled)
        {
            svg.Append("<circle cx=\"").Append(Fmt.Px(X(b.MeanPredicted!.Value))).Append("\" cy=\"").Append(Fmt.Px(Y(b.ObservedRate!.Value)))
                .Append("\" r=\"4\"><title>").Append(Fmt.I(b.Count)).Append(" rows</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Bars(IReadOnlyList<SliceResult> slices, string metric)
    {
        const double row = 22, label = 160, width = 220;
        var values = slices.Select(s => s.Metrics.FirstOrDefault(m => m.Name == metric)?.Value).ToArray();
        var max = Math.Max(1e-12, values.Where(v => v.HasValue).Select(v => Math.Abs(v!.Value)).DefaultIfEmpty(1).Max());
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"460\" height=\"").Append(Fmt.Px((row * slices.Count) + 10))
            .Append("\"><title>").Append(WebUtility.HtmlEncode(metric)).Append(" per slice</title>");
        for (var i = 0; i < slices.Count; i++)
        {
            var y = (i * row) + 5;
            svg.Append("<text x=\"0\" y=\"").Append(Fmt.Px(y + 14)).Append("\">").Append(WebUtility.HtmlEncode(Short(slices[i].Key))).Append("</text>");
            var text = values[i] is { } v ? Fmt.N(v) : "undefined";
            if (values[i] is { } value)
            {
                svg.Append("<rect class=\"").Append(slices[i].TooSmall ? "bar small" : "bar").Append("\" x=\"").Append(Fmt.Px(label)).Append("\" y=\"").Append(Fmt.Px(y))
                    .Append("\" width=\"").Append(Fmt.Px(Math.Abs(value) / max * width)).Append("\" height=\"16\"/>");
            }

            svg.Append("<text x=\"").Append(Fmt.Px(label + width + 5)).Append("\" y=\"").Append(Fmt.Px(y + 14)).Append("\">").Append(text)
                .Append(slices[i].TooSmall ? " ⚠" : string.Empty).Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Heatmap(ConfusionMatrix matrix)
    {
        const double cell = 48, offset = 110;
        var n = matrix.Classes.Count;
        var max = Math.Max(1, matrix.Counts.SelectMany(r => r).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(Fmt.Px(offset + (n * cell) + 10)).Append("\" height=\"").Append(Fmt.Px(offset + (n * cell) + 10))
            .Append("\"><title>Confusion matrix: true class by row, predicted class by column</title>");
        for (var i = 0; i < n; i++)
        {
            var name = WebUtility.HtmlEncode(Short(matrix.Classes[i]));
            svg.Append("<text x=\"0\" y=\"").Append(Fmt.Px(offset + (i * cell) + 28)).Append("\">").Append(name).Append("</text>");
            svg.Append("<text x=\"").Append(Fmt.Px(offset + (i * cell) + 4)).Append("\" y=\"").Append(Fmt.Px(offset - 8)).Append("\">").Append(name).Append("</text>");
            for (var j = 0; j < n; j++)
            {
                var count = matrix.Counts[i][j];
                svg.Append("<rect class=\"cell\" x=\"").Append(Fmt.Px(offset + (j * cell))).Append("\" y=\"").Append(Fmt.Px(offset + (i * cell)))
                    .Append("\" width=\"").Append(Fmt.Px(cell - 2)).Append("\" height=\"").Append(Fmt.Px(cell - 2)).Append("\" fill-opacity=\"")
                    .Append(Fmt.N(0.08 + (0.92 * count / max), 2)).Append("\"/>");
                svg.Append("<text x=\"").Append(Fmt.Px(offset + (j * cell) + 8)).Append("\" y=\"").Append(Fmt.Px(offset + (i * cell) + 28)).Append("\">").Append(Fmt.I(count)).Append("</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title)
        => new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"310\" height=\"300\"><title>").Append(title).Append("</title>");

    private static void Axes(StringBuilder svg, string x, string y)
    {
        svg.Append("<rect class=\"frame\" x=\"").Append(Fmt.Px(Left)).Append("\" y=\"").Append(Fmt.Px(Top)).Append("\" width=\"250\" height=\"250\"/>")
            .Append("<line class=\"diagonal\" x1=\"").Append(Fmt.Px(X(0))).Append("\" y1=\"").Append(Fmt.Px(Y(0))).Append("\" x2=\"").Append(Fmt.Px(X(1))).Append("\" y2=\"").Append(Fmt.Px(Y(1))).Append("\"/>")
            .Append("<text x=\"").Append(Fmt.Px(Left + 50)).Append("\" y=\"290\">").Append(x).Append("</text>")
            .Append("<text x=\"12\" y=\"").Append(Fmt.Px(Top + 200)).Append("\" transform=\"rotate(-90 12 ").Append(Fmt.Px(Top + 200)).Append(")\">").Append(y).Append("</text>");
    }

    private static double X(double v) => Left + (v * Size);

    private static double Y(double v) => Top + ((1 - v) * Size);

    private static string Short(string text) => text.Length <= 22 ? text : string.Concat(text.AsSpan(0, 21), "…");
}
