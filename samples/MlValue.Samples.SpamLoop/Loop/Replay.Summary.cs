using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Summary;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The replay's end: per-week quality from the monitor, the never-retrained comparison, the reports.</summary>
public sealed partial class Replay
{
    /// <summary>Builds the summary and writes the HTML reports and the quarantine listing.</summary>
    /// <param name="corpus">The corpus name.</param>
    /// <param name="messageCount">Messages read.</param>
    /// <param name="weeks">The weeks.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The summary.</returns>
    public async Task<SpamLoopSummary> SummariseAsync(string corpus, int messageCount, List<WeekSummary> weeks, CancellationToken cancellationToken)
    {
        var totals = new TotalsSummary();
        long tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < weeks.Count; i++)
        {
            var start = DateTimeOffset.Parse(weeks[i].Week, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (runtime.Monitor is { } monitor && weeks[i].Served > 0)
            {
                var performance = monitor.GetWindow(start, start + Weeks.Length).Performance;
                if (performance.Labeled > 0)
                {
                    weeks[i].Loop = new Quality(performance.Labeled, SpamLoopApp.Round(performance.Precision), SpamLoopApp.Round(performance.Recall), SpamLoopApp.Round(MonitorTriggers.Read(performance, "f1")));
                    if (start >= options.ReferenceCutoff)
                    {
                        (tp, fp, fn) = (tp + performance.TruePositives, fp + performance.FalsePositives, fn + performance.FalseNegatives);
                    }
                }
            }

            var reference = _reference.Where(r => r.Week == i).ToList();
            if (reference.Count > 0)
            {
                weeks[i].NeverRetrained = QualityOf(reference.Count(r => r.Truth && r.Predicted), reference.Count(r => !r.Truth && r.Predicted), reference.Count(r => r.Truth && !r.Predicted), reference.Count);
            }
        }

        totals.LoopF1AfterCutoff = QualityOf(tp, fp, fn, 1).F1;
        totals.Runs = weeks.Sum(w => w.Runs.Count);
        totals.Promotions = weeks.Sum(w => w.Runs.Count(r => r.Promoted));
        totals.FinalChampion = runtime.ChampionVersion;
        var before = _clean.Where(m => m.Timestamp < options.ReferenceCutoff).ToList();
        var after = _clean.Where(m => m.Timestamp >= options.ReferenceCutoff).ToList();
        totals.SpamShareBeforeCutoff = before.Count > 0 ? SpamLoopApp.Round((double)before.Count(m => m.FolderSaysSpam) / before.Count) : null;
        totals.SpamShareAfterCutoff = after.Count > 0 ? SpamLoopApp.Round((double)after.Count(m => m.FolderSaysSpam) / after.Count) : null;
        var evaluator = runtime.Services.GetRequiredService<IEvaluator>();
        if (_referenceModel is { } referenceModel && after.Count > 0)
        {
            var rows = after.Select(m => SpamLoopApp.ToText(m, options.MaxBodyLength, m.FolderSaysSpam));
            var holdout = SpamLoopApp.HoldoutOf(Dataset.FromRecords(rows, new DatasetProvenance { Source = "after-cutoff", WindowStart = options.ReferenceCutoff }));
            var result = await evaluator.EvaluateBinaryAsync("never-retrained", referenceModel, holdout, cancellationToken);
            totals.NeverRetrainedF1AfterCutoff = SpamLoopApp.Round(result.Metric(MetricNames.F1)?.Value);
            totals.NeverRetrainedAucAfterCutoff = SpamLoopApp.Round(result.Metric(MetricNames.Auc)?.Value);
            await File.WriteAllTextAsync(Path.Combine(output, "reports", "evaluation-never-retrained.html"), EvaluationReport.ToHtml(result, null), cancellationToken);
            referenceModel.Dispose();
        }

        await WriteReportsAsync(cancellationToken);
        return new SpamLoopSummary
        {
            Corpus = corpus,
            Seed = options.Seed,
            LabelDelayDays = options.LabelDelayDays,
            Messages = messageCount,
            Quarantined = _quarantine.Count,
            QuarantineByRule = _quarantine.GroupBy(q => q.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Annotation = _annotation,
            Weeks = weeks,
            Totals = totals,
        };
    }

    private static Quality QualityOf(long tp, long fp, long fn, long labelled)
    {
        double? precision = tp + fp > 0 ? (double)tp / (tp + fp) : null;
        double? recall = tp + fn > 0 ? (double)tp / (tp + fn) : null;
        double? f1 = precision is { } p && recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : null;
        return new Quality(labelled, SpamLoopApp.Round(precision), SpamLoopApp.Round(recall), SpamLoopApp.Round(f1));
    }

    private async Task WriteReportsAsync(CancellationToken cancellationToken)
    {
        var reports = Path.Combine(output, "reports");
        for (var i = 0; i < runtime.Reports.Count; i++)
        {
            var (result, decision) = runtime.Reports[i];
            await File.WriteAllTextAsync(Path.Combine(reports, string.Create(CultureInfo.InvariantCulture, $"evaluation-run-{i + 1:D2}.html")), EvaluationReport.ToHtml(result, decision), cancellationToken);
        }

        if (runtime.Reports.Count > 0)
        {
            var (last, lastDecision) = runtime.Reports[^1];
            await File.WriteAllTextAsync(Path.Combine(output, "evaluation.html"), EvaluationReport.ToHtml(last, lastDecision), cancellationToken);
        }

        if (runtime.Monitor is { } monitor)
        {
            await File.WriteAllTextAsync(Path.Combine(output, "monitor.html"), MonitorReport.ToHtml(LoopSteps.ModelName, monitor.GetWindows(WindowSpec.Tumbling(Weeks.Length))), cancellationToken);
        }

        var text = new StringBuilder("# Quarantine\n\n| message | rule | reason |\n|---|---|---|\n");
        foreach (var entry in _quarantine)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {entry.Position} | {entry.Rule} | {entry.Reason.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ')} |\n");
        }

        await File.WriteAllTextAsync(Path.Combine(output, "quarantine.md"), text.ToString(), cancellationToken);
        var runs = await runtime.Services.GetRequiredService<IRunStore>().ListAsync(LoopSteps.ModelName, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(output, "runs.md"), string.Join("\n", runs.Select(r => r.ToMarkdown())), cancellationToken);
    }
}
