using System.Text;

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
        md.Append("| champion | ").Append(Fmt.Cell(decision.Champion ?? "(none: first model)")).Append(" |\n");
        md.Append("| baseline | ").Append(Fmt.Cell(decision.Baseline ?? "(none)")).Append(" |\n");
        md.Append("| holdout | ").Append(Fmt.Cell(decision.DatasetId ?? "(no id)")).Append(", ").Append(Fmt.I(decision.HoldoutCount)).Append(" rows |\n");
        md.Append("| decided at | ").Append(decision.DecidedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append(" |\n\n");
        md.Append("| # | check | metric | slice | challenger | champion | baseline | threshold | margin | outcome | detail |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var i = 0; i < decision.Checks.Count; i++)
        {
            var c = decision.Checks[i];
            md.Append("| ").Append(Fmt.I(i + 1))
                .Append(" | ").Append(c.Kind)
                .Append(" | ").Append(Fmt.Cell(c.Metric ?? "—"))
                .Append(" | ").Append(c.Segment is null ? "—" : Fmt.Cell($"{c.Segment}={c.Slice}"))
                .Append(" | ").Append(Fmt.N(c.Challenger))
                .Append(" | ").Append(Fmt.N(c.Champion))
                .Append(" | ").Append(Fmt.N(c.Baseline))
                .Append(" | ").Append(Fmt.N(c.Threshold))
                .Append(" | ").Append(Fmt.N(c.Margin))
                .Append(" | ").Append(Fmt.Outcome(c.Outcome))
                .Append(" | ").Append(Fmt.Cell(c.Detail)).Append(" |\n");
        }

        return md.ToString();
    }
}
