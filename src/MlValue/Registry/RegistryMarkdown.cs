using System.Globalization;
using System.Text;
using MlValue.Evaluation;
using MlValue.Internal;

namespace MlValue.Registry;

/// <summary>Renders registry records as Markdown: a version's lineage and an alias's history.</summary>
public static class RegistryMarkdown
{
    /// <summary>Renders a lineage record: identity, provenance, datasets, hyperparameters, metrics, tags, attachments and promotions.</summary>
    /// <param name="lineage">The lineage, from <see cref="IModelRegistryMaintenance.GetLineageAsync"/>.</param>
    /// <returns>Markdown text.</returns>
    public static string Lineage(ModelLineage lineage)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        var v = lineage.Version;
        var text = new StringBuilder();
        Line(text, $"# Lineage of {Cell(v.ModelName)} version {v.Version}");
        Line(text, string.Empty);
        Table(text, ["field", "value"], [
            ["model", v.ModelName],
            ["version", Number(v.Version)],
            ["created at", Time(v.CreatedAt)],
            ["code version", v.CodeVersion],
            ["trainer", v.TrainerName],
            ["seed", v.Seed is { } seed ? Number(seed) : MarkdownText.None],
            ["parent version", v.ParentVersion is { } parent ? Number(parent) : MarkdownText.None],
            ["format", v.FormatId],
            ["artifact SHA-256", v.ArtifactSha256],
            ["artifact size", Number(v.ArtifactSize) + " bytes"],
            ["archived", v.Archived ? "yes" : "no"]]);
        Section(text, "Datasets", ["role", "id"], [.. v.TrainingDatasetIds.Select(id => new[] { "training", id }), .. v.EvaluationDatasetIds.Select(id => new[] { "evaluation", id })]);
        Section(text, "Hyperparameters", ["name", "value"], [.. v.Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value })]);
        Section(text, "Metrics", ["name", "value"], [.. v.Metrics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value.ToString("0.######", CultureInfo.InvariantCulture) })]);
        Section(text, "Tags", ["key", "value"], [.. v.Tags.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value })]);
        Section(text, "Attachments", ["name", "SHA-256"], [.. v.Attachments.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value })]);
        Section(text, "Promotions", ["moved at", "alias", "from", "to", "reason"], [.. lineage.Promotions.Select(MoveRow)]);
        return text.ToString();
    }

    /// <summary>Renders the moves of one alias, oldest first, with when, from, to and why.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="moves">The moves, from <see cref="IModelRegistry.GetAliasHistoryAsync"/>.</param>
    /// <returns>Markdown text.</returns>
    public static string AliasHistory(string modelName, string alias, IReadOnlyList<AliasMove> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var text = new StringBuilder();
        Line(text, $"# Alias history of {Cell(modelName)} @ {Cell(alias)}");
        Line(text, string.Empty);
        var current = moves.Count == 0 ? "unset" : "version " + Number(moves[^1].ToVersion);
        Line(text, $"Now points to {current} after {Number(moves.Count)} move(s).");
        Line(text, string.Empty);
        Table(text, ["#", "moved at", "from", "to", "reason"], [.. moves.Select((m, i) => new[] { Number(i + 1), Time(m.MovedAt), Version(m.FromVersion), Version(m.ToVersion), Reason(m.Reason) })]);
        return text.ToString();
    }

    private static string[] MoveRow(AliasMove m) => [Time(m.MovedAt), m.Alias, Version(m.FromVersion), Version(m.ToVersion), Reason(m.Reason)];

    private static void Section(StringBuilder text, string title, string[] header, string[][] rows)
    {
        Line(text, string.Empty);
        Line(text, "## " + title);
        Line(text, string.Empty);
        if (rows.Length == 0)
        {
            Line(text, "None.");
            return;
        }

        Table(text, header, rows);
    }

    private static void Table(StringBuilder text, string[] header, string[][] rows)
    {
        Line(text, "| " + string.Join(" | ", header) + " |");
        Line(text, "|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            Line(text, "| " + string.Join(" | ", row.Select(Cell)) + " |");
        }
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>A reason as one line: a promotion decision stored as JSON (as alias moves did before
    /// <see cref="PromotionDecision.ToSummary"/>) is shown as its summary.</summary>
    private static string Reason(string reason)
    {
        if (reason.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                return PromotionDecision.FromJson(reason).ToSummary();
            }
            catch (EvaluationException)
            {
                // Not a decision: shown as written.
            }
        }

        return reason;
    }

    private static string Version(int? version) => version is { } v ? "v" + Number(v) : MarkdownText.None;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => MarkdownText.Iso(value);
}
