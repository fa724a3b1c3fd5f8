using MlValue.Training;
using System.Globalization;

namespace MlValue.Evaluation.Reports;

/// <summary>Deterministic, invariant formatting shared by the reports.</summary>
internal static class Fmt
{
    /// <summary>The placeholder for "none" in every report.</summary>
    public const string None = MlValue.Internal.MarkdownText.None;

    public static string N(double? value, int decimals = 4)
        => value is { } v ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : None;

    public static string Metric(MetricValue? metric) => metric is null ? None : metric.Value.HasValue ? N(metric.Value) : "undefined";

    public static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Makes text safe inside a Markdown table cell.</summary>
    public static string Cell(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Outcome(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "✅ passed",
        CheckOutcome.Failed => "❌ failed",
        _ => "⏭ skipped",
    };

    /// <summary>The metric a report draws for a segment: the task's primary metric, or accuracy
    /// when AUC is undefined on every slice (slices of a single class).</summary>
    public static string PrimaryMetric(PredictionTask task, IEnumerable<SliceResult> slices) => task switch
    {
        PredictionTask.BinaryClassification => slices.Any(s => s.Metrics.Any(m => m.Name == MetricNames.Auc && m.IsDefined)) ? MetricNames.Auc : MetricNames.Accuracy,
        PredictionTask.MulticlassClassification => MetricNames.MacroAccuracy,
        _ => MetricNames.Rmse,
    };
}
