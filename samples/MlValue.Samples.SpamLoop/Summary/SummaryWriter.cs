using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Samples.SpamLoop.Summary;

/// <summary>Writes <c>summary.json</c> (no timings: two runs with the same seed give the same bytes) and <c>summary.md</c>.</summary>
public static class SummaryWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The summary as JSON.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>Indented camelCase JSON.</returns>
    public static string ToJson(SpamLoopSummary summary) => JsonSerializer.Serialize(summary, Json) + "\n";

    /// <summary>The summary as a Markdown table, one row per week.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>Markdown.</returns>
    public static string ToMarkdown(SpamLoopSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Spam loop on {summary.Corpus} (seed {summary.Seed}, labels {summary.LabelDelayDays} days late)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{summary.Messages} messages, {summary.Quarantined} quarantined ({string.Join(", ", summary.QuarantineByRule.Select(r => r.Key + ": " + r.Value.ToString(CultureInfo.InvariantCulture)))}).\n\n");
        text.Append("| week | messages | quarantined | champion | precision | recall | F1 | never-retrained F1 | drift | runs |\n|---|---:|---:|---|---:|---:|---:|---:|---|---|\n");
        foreach (var week in summary.Weeks)
        {
            var runs = string.Join("<br>", week.Runs.Select(r => $"{r.Trigger}: {(r.Version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : "no model")} {(r.Promoted ? "promoted" : "kept champion")} — {r.Decision}".Replace("|", "\\|", StringComparison.Ordinal)));
            var champion = week.ChampionVersion is { } c ? "v" + c.ToString(CultureInfo.InvariantCulture) : "—";
            text.Append(CultureInfo.InvariantCulture, $"| {week.Week} | {week.Messages} | {week.Quarantined} | {champion} | {SpamLoopApp.Number(week.Loop?.Precision)} | {SpamLoopApp.Number(week.Loop?.Recall)} | {SpamLoopApp.Number(week.Loop?.F1)} | {SpamLoopApp.Number(week.NeverRetrained?.F1)} | {week.Drift} | {runs} |\n");
        }

        var t = summary.Totals;
        text.Append(CultureInfo.InvariantCulture, $"\n**From the cut-off on:** loop F1 {SpamLoopApp.Number(t.LoopF1AfterCutoff)}; never-retrained F1 {SpamLoopApp.Number(t.NeverRetrainedF1AfterCutoff)}, AUC {SpamLoopApp.Number(t.NeverRetrainedAucAfterCutoff)}. ");
        text.Append(CultureInfo.InvariantCulture, $"Spam share {SpamLoopApp.Number(t.SpamShareBeforeCutoff)} before, {SpamLoopApp.Number(t.SpamShareAfterCutoff)} after. ");
        text.Append(CultureInfo.InvariantCulture, $"{t.Runs} runs, {t.Promotions} promotions, final champion {(t.FinalChampion is { } f ? "v" + f.ToString(CultureInfo.InvariantCulture) : "none")}.\n");
        var a = summary.Annotation;
        text.Append(CultureInfo.InvariantCulture, $"\n**Hard-ham annotation:** {a.Aggregated} labels aggregated ({a.AgreeWithFolder} agree with the folder), {a.Abstained} abstained, {a.Answers} reviewer answers, {a.MalformedLines} malformed answer lines reported.\n");
        return text.ToString();
    }

    /// <summary>Writes both files into <paramref name="output"/>.</summary>
    /// <param name="output">The output folder.</param>
    /// <param name="summary">The summary.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(string output, SpamLoopSummary summary, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(output, "summary.json"), ToJson(summary), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(output, "summary.md"), ToMarkdown(summary), cancellationToken);
    }
}
