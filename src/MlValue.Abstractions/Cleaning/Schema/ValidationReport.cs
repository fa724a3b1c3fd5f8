using System.Globalization;
using System.Text;

namespace MlValue.Cleaning;

/// <summary>The anomalies of a batch against a schema, with the thresholds used; renders as Markdown.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a validation report (for validators other than the built-in one).</summary>
    /// <param name="rows">The rows of the validated batch.</param>
    /// <param name="referenceRows">The rows the schema was inferred from.</param>
    /// <param name="thresholds">The tolerances the anomalies were judged with.</param>
    /// <param name="anomalies">The anomalies found.</param>
    public ValidationReport(long rows, long referenceRows, CleaningOptions thresholds, IReadOnlyList<DataAnomaly> anomalies)
    {
        Rows = rows;
        ReferenceRows = referenceRows;
        Thresholds = thresholds;
        Anomalies = anomalies;
    }

    /// <summary>How many rows the batch had.</summary>
    public long Rows { get; }

    /// <summary>How many rows the schema's reference set had.</summary>
    public long ReferenceRows { get; }

    /// <summary>A copy of the options (tolerances) the batch was checked with.</summary>
    public CleaningOptions Thresholds { get; }

    /// <summary>The anomalies: structural ones first, then per column in schema order.</summary>
    public IReadOnlyList<DataAnomaly> Anomalies { get; }

    /// <summary>True when any anomaly is an <see cref="AnomalySeverity.Error"/>.</summary>
    public bool HasErrors => Anomalies.Any(a => a.Severity == AnomalySeverity.Error);

    /// <summary>Renders the report as Markdown: summary, thresholds, a table of anomalies, then each anomaly's message and examples.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder("## Validation report\n\n");
        var errors = Anomalies.Count(a => a.Severity == AnomalySeverity.Error);
        md.Append(CultureInfo.InvariantCulture, $"Batch rows: {Rows}; reference rows: {ReferenceRows}; anomalies: {Anomalies.Count} ({errors} errors, {Anomalies.Count - errors} warnings).\n\n");
        md.Append("| threshold | value |\n|---|---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| unseen category share | {ValueText.Percent(Thresholds.UnseenCategoryTolerance)} |\n| out-of-range share | {ValueText.Percent(Thresholds.OutOfRangeTolerance)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| null-rate rise | {ValueText.Percent(Thresholds.NullRateTolerance)} |\n| type-mismatch share | {ValueText.Percent(Thresholds.TypeMismatchTolerance)} |\n| error from share | {ValueText.Percent(Thresholds.ErrorShare)} |\n\n");
        if (Anomalies.Count == 0)
        {
            return md.Append("No anomaly: the batch fits the schema within the thresholds.\n").ToString();
        }

        md.Append("| severity | column | kind | affected rows | share | threshold | expected | observed |\n|---|---|---|---:|---:|---:|---|---|\n");
        foreach (var a in Anomalies)
        {
            var threshold = a.Threshold is { } t ? ValueText.Percent(t) : "—";
            md.Append(CultureInfo.InvariantCulture, $"| {a.Severity} | {ValueText.Cell(a.Column)} | {a.Kind} | {a.AffectedRows} | {ValueText.Percent(a.Share)} | {threshold} | {ValueText.Cell(a.Expected)} | {ValueText.Cell(a.Observed)} |\n");
        }

        md.Append("\n### Details\n");
        foreach (var a in Anomalies)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n- **{ValueText.Cell(a.Column)} — {a.Kind}** ({a.Severity}): {a.Message}\n");
            foreach (var example in a.Examples)
            {
                md.Append(CultureInfo.InvariantCulture, $"  - {example}\n");
            }
        }

        return md.ToString();
    }
}
