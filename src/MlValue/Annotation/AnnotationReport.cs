using System.Globalization;
using System.Text;

namespace MlValue.Annotation;

/// <summary>Renders annotations and their aggregation as a Markdown report with agreement statistics.</summary>
public static class AnnotationReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// Per-annotator coverage, pairwise Cohen's κ, Fleiss' κ, aggregated label counts and the
    /// items whose votes conflict (the first <paramref name="maxConflicts"/>, in item order).
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="annotations">All annotations of all annotators.</param>
    /// <param name="aggregated">The aggregation of those annotations.</param>
    /// <param name="maxConflicts">How many conflicting items to list; ≥ 0.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown<TLabel>(IReadOnlyList<Annotation<TLabel>> annotations, IReadOnlyList<AggregatedLabel<TLabel>> aggregated, int maxConflicts)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(aggregated);
        ArgumentOutOfRangeException.ThrowIfNegative(maxConflicts);
        var byAnnotator = annotations.GroupBy(a => a.AnnotatorId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var items = annotations.Select(a => a.ItemId).Distinct(StringComparer.Ordinal).Count();
        var sb = new StringBuilder();
        sb.AppendLine("# Annotation report").AppendLine();
        sb.AppendLine(C, $"{items} items, {byAnnotator.Count} annotators, {annotations.Count} annotations ({annotations.Count(a => a.IsAbstain)} abstains).").AppendLine();

        sb.AppendLine("## Annotators").AppendLine();
        sb.AppendLine("| annotator | labelled | abstained | coverage | labels given |").AppendLine("|---|---:|---:|---:|---|");
        foreach (var g in byAnnotator)
        {
            var labelled = g.Where(a => !a.IsAbstain).ToList();
            var spread = labelled.GroupBy(a => a.LabelText, StringComparer.Ordinal).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}: {x.Count()}");
            sb.AppendLine(C, $"| {g.Key} | {labelled.Count} | {g.Count() - labelled.Count} | {(double)labelled.Count / items:P1} | {string.Join(", ", spread)} |");
        }

        sb.AppendLine().AppendLine("## Agreement").AppendLine();
        sb.AppendLine("Abstains are left out: Cohen's κ compares the items both annotators labelled; Fleiss' κ uses items with at least two labels.").AppendLine();
        var fleiss = Agreement.FleissKappa(annotations);
        sb.AppendLine(C, $"Fleiss' κ = {fleiss} over {fleiss.Items} items (observed {fleiss.ObservedAgreement:0.000}, chance {fleiss.ExpectedAgreement:0.000}).").AppendLine();
        sb.AppendLine("| annotator A | annotator B | both labelled | observed agreement | Cohen's κ |").AppendLine("|---|---|---:|---:|---:|");
        for (var i = 0; i < byAnnotator.Count; i++)
        {
            for (var j = i + 1; j < byAnnotator.Count; j++)
            {
                var k = Agreement.CohensKappa(byAnnotator[i], byAnnotator[j]);
                var observed = k.Items == 0 ? "n/a" : k.ObservedAgreement.ToString("P1", C);
                sb.AppendLine(C, $"| {byAnnotator[i].Key} | {byAnnotator[j].Key} | {k.Items} | {observed} | {k} |");
            }
        }

        AppendAggregation(sb, aggregated, maxConflicts);
        return sb.ToString();
    }

    private static void AppendAggregation<TLabel>(StringBuilder sb, IReadOnlyList<AggregatedLabel<TLabel>> aggregated, int maxConflicts)
    {
        sb.AppendLine().AppendLine("## Aggregated labels").AppendLine();
        sb.AppendLine("| label | items | mean confidence |").AppendLine("|---|---:|---:|");
        foreach (var g in aggregated.GroupBy(a => a.LabelText, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(C, $"| {g.Key} | {g.Count()} | {g.Average(a => a.Confidence):0.000} |");
        }

        var conflicts = aggregated.Where(a => a.IsConflict).ToList();
        sb.AppendLine().AppendLine(C, $"Ties: {aggregated.Count(a => a.IsTie)}. Conflicts (annotators disagree): {conflicts.Count}.");
        if (conflicts.Count == 0)
        {
            return;
        }

        sb.AppendLine().AppendLine("## Conflicts").AppendLine();
        sb.AppendLine("| item | decided | confidence | votes |").AppendLine("|---|---|---:|---|");
        foreach (var a in conflicts.Take(maxConflicts))
        {
            var votes = string.Join(", ", a.Votes.Where(v => !v.IsAbstain).Select(v => $"{v.AnnotatorId}={v.LabelText}"));
            sb.AppendLine(C, $"| {a.ItemId} | {a.LabelText} | {a.Confidence:0.000} | {votes} |");
        }

        if (conflicts.Count > maxConflicts)
        {
            sb.AppendLine().AppendLine(C, $"… and {conflicts.Count - maxConflicts} more.");
        }
    }
}
