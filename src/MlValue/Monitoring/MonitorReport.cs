using MlValue.Training;
using System.Globalization;
using System.Text;
using MlValue.Internal;

namespace MlValue.Monitoring;

/// <summary>
/// Renders windows as Markdown or as one self-contained HTML page with inline-SVG sparklines of each metric
/// across windows. The size depends on windows × features only, never on how many records were seen.
/// </summary>
public static partial class MonitorReport
{
    /// <summary>Renders the windows as Markdown: a summary table, then per window drift, performance and data quality.</summary>
    /// <param name="title">The report title (for example the model name).</param>
    /// <param name="windows">The windows, oldest first.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(string title, IReadOnlyList<MonitorWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(windows);
        var md = new StringBuilder();
        Line(md, $"# Monitor report: {title}");
        Line(md, $"");
        Line(md, $"| window | records | drift | labeled | accuracy | AUC | late (stored / dropped) | unknown outcomes |");
        Line(md, $"|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var w in windows)
        {
            var drifted = w.Features.Append(w.Prediction).Where(f => f.Verdict == DriftVerdict.Drift).Select(f => f.Feature).ToList();
            Line(md, $"| {Span(w)} | {w.Records} | {(drifted.Count == 0 ? MarkdownText.None : string.Join(", ", drifted))} | {w.Performance.Labeled} | {Num(w.Performance.Accuracy)} | {Num(w.Performance.Auc)} | {w.LateAccepted} / {w.TooLate} | {w.UnknownOutcomes + w.ExpiredOutcomes} |");
        }

        foreach (var w in windows)
        {
            Line(md, $"");
            Line(md, $"## {Span(w)}");
            Line(md, $"");
            md.Append(DriftMarkdown(w.Features.Append(w.Prediction)));
            Line(md, $"");
            Line(md, $"Performance: {Performance(w.Performance)}");
            md.Append(ClassesMarkdown(w));
            Line(md, $"");
            Line(md, $"Data quality: {DataQuality(w)}");
        }

        return md.ToString();
    }

    /// <summary>Renders drift results as a Markdown table: verdict, statistics and the reason per feature.</summary>
    /// <param name="drifts">The drift results.</param>
    /// <returns>The Markdown table.</returns>
    public static string DriftMarkdown(IEnumerable<FeatureDrift> drifts)
    {
        ArgumentNullException.ThrowIfNull(drifts);
        var md = new StringBuilder();
        Line(md, $"| feature | kind | verdict | n | missing | mean (ref) | PSI | JS | KS (p) | chi² (p) | reason |");
        Line(md, $"|---|---|---|---:|---:|---|---:|---:|---|---|---|");
        foreach (var d in drifts)
        {
            Line(md, $"| {string.Join(" | ", DriftCells(d))} |");
        }

        return md.ToString();
    }

    /// <summary>The cells of one drift row, shared by the Markdown and the HTML tables.</summary>
    private static string[] DriftCells(FeatureDrift d)
    {
        var extra = d.Kind switch
        {
            FeatureKind.Categorical => Inv($"; {d.NewCategoryCount ?? 0} in new categories, ~{Num(d.DistinctEstimate, "0")} distinct"),
            FeatureKind.Text when d.UnseenTokenShare is { } u => Inv($"; unseen tokens {Num(u)} (baseline {Num(d.BaselineUnseenTokenShare)})"),
            _ => string.Empty,
        };
        return
        [
            d.Feature, d.Kind.ToString(), Verdict(d.Verdict), Inv($"{d.Count}"), Inv($"{d.Missing}"), $"{Num(d.Mean)} ({Num(d.ReferenceMean)})", Num(d.Psi), Num(d.JensenShannon),
            $"{Num(d.KsStatistic)} ({P(d.KsPValue)})", $"{Num(d.ChiSquare, "0.0")} ({P(d.ChiSquarePValue)})", d.Reason + extra,
        ];
    }

    private static string DataQuality(MonitorWindow w)
        => Inv($"{w.Records} records ({w.LateAccepted} late, stored), {w.TooLate} too late, {w.InFuture} in the future, {w.InvalidPredictions} invalid predictions, {w.UnknownOutcomes} unknown outcomes, {w.ExpiredOutcomes} expired outcomes; versions: {(w.Versions.Count == 0 ? MarkdownText.None : string.Join(", ", w.Versions.Select(v => Inv($"{v.Key} ({v.Value})"))))}.");

    private static string Performance(WindowPerformance p)
        => p.Labeled == 0 ? "no outcomes yet."
        : (p.Sufficient ? string.Empty : "(insufficient data) ")
        + (p.Task == PredictionTask.MulticlassClassification
            ? Inv($"{p.Labeled} labeled; accuracy {Num(p.Accuracy)}, macro-F1 {Num(p.MacroF1)}.")
            : p.Task == PredictionTask.BinaryClassification
            ? Inv($"{p.Labeled} labeled; TP {p.TruePositives}, FP {p.FalsePositives}, TN {p.TrueNegatives}, FN {p.FalseNegatives}; accuracy {Num(p.Accuracy)}, precision {Num(p.Precision)}, recall {Num(p.Recall)}, log-loss {Num(p.LogLoss)}, AUC {Num(p.Auc)}.")
            : Inv($"{p.Labeled} labeled; MAE {Num(p.MeanAbsoluteError)}, RMSE {Num(p.RootMeanSquaredError)}."));

    private static string Verdict(DriftVerdict v) => v switch
    {
        DriftVerdict.Drift => "**drift**",
        DriftVerdict.InsufficientData => "insufficient data",
        DriftVerdict.NoReference => "no reference",
        _ => "stable",
    };

    private static string Span(MonitorWindow w) => $"{MarkdownText.Iso(w.Start)} – {MarkdownText.Iso(w.End)}";

    internal static string Num(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : MarkdownText.None;

    private static string P(double? value) => value is { } v ? DriftEvaluator.Format(v) : MarkdownText.None;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder builder, FormattableString text) => builder.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
