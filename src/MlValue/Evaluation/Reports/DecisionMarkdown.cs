using System.Text;
using MlValue.Internal;

namespace MlValue.Evaluation.Reports;

internal static class DecisionMarkdown
{
    public static string Render(PromotionDecision decision)
    {
        var md = new StringBuilder();
        md.Append("## Promotion decision: ").Append(decision.Promote ? "PROMOTE" : "REJECT").Append('\n').Append('\n');
        md.Append("> ").Append(Fmt.Cell(decision.Reason)).Append('\n').Append('\n');
        md.Append("| | |\n|---|---|\n");
        md.Append("| challenger | ").Append(Fmt.Cell(decision.Challenger)).Append(" |\n");
        md.Append("| champion | ").Append(decision.Champion is null ? Fmt.None + " (first model)" : Fmt.Cell(decision.Champion)).Append(" |\n");
        md.Append("| baseline | ").Append(Fmt.Cell(decision.Baseline ?? Fmt.None)).Append(" |\n");
        md.Append("| holdout | ").Append(Fmt.Cell(decision.DatasetId ?? Fmt.None)).Append(", ").Append(Fmt.I(decision.HoldoutCount)).Append(" rows |\n");
        md.Append("| decided at | ").Append(MarkdownText.Iso(decision.DecidedAt)).Append(" |\n\n");
        md.Append("| # | check | metric | slice | challenger | champion | baseline | threshold | margin | outcome | detail |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        var judged = decision.Checks.Where(c => c.Outcome != CheckOutcome.Skipped).ToArray();
        for (var i = 0; i < judged.Length; i++)
        {
            var c = judged[i];
            md.Append("| ").Append(Fmt.I(i + 1))
                .Append(" | ").Append(c.Kind)
                .Append(" | ").Append(Fmt.Cell(c.Metric ?? Fmt.None))
                .Append(" | ").Append(c.Segment is null ? Fmt.None : Fmt.Cell($"{c.Segment}={c.Slice}"))
                .Append(" | ").Append(Fmt.N(c.Challenger))
                .Append(" | ").Append(Fmt.N(c.Champion))
                .Append(" | ").Append(Fmt.N(c.Baseline))
                .Append(" | ").Append(Fmt.N(c.Threshold))
                .Append(" | ").Append(Fmt.N(c.Margin))
                .Append(" | ").Append(Fmt.Outcome(c.Outcome))
                .Append(" | ").Append(Fmt.Cell(c.Detail)).Append(" |\n");
        }

        var skipped = SkippedLines(decision);
        if (skipped.Count > 0)
        {
            md.Append('\n');
            foreach (var line in skipped)
            {
                md.Append("- ⏭ ").Append(Fmt.Cell(line)).Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>The skipped checks, one line per kind and cause, for example
    /// <c>12 slice checks skipped: slices smaller than 30 rows</c>.</summary>
    public static IReadOnlyList<string> SkippedLines(PromotionDecision decision)
        => decision.Checks.Where(c => c.Outcome == CheckOutcome.Skipped)
            .GroupBy(c => (c.Kind, Reason: c.SkipReason ?? "see the decision's JSON for each"))
            .Select(g => $"{Fmt.I(g.Count())} {KindWord(g.Key.Kind)} check{(g.Count() == 1 ? string.Empty : "s")} skipped: {g.Key.Reason}")
            .ToArray();

    private static string KindWord(CheckKind kind) => kind switch
    {
        CheckKind.SliceRegression => "slice",
        CheckKind.ImprovementOverChampion => "champion",
        CheckKind.BeatsBaseline => "baseline",
        CheckKind.Threshold => "threshold",
        _ => "baseline-required",
    };
}
