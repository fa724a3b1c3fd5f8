using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Cleaning;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Samples.SpamLoop.Summary;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The week-by-week replay: collect, clean, serve, deliver late labels, let the triggers decide.</summary>
public sealed partial class Replay(SpamLoopOptions options, SpamLoopRuntime runtime, string output, TextWriter progress)
{
    private readonly HashSet<string> _seenBodies = new(StringComparer.Ordinal);
    private readonly List<QuarantinedRecord<MailMessage>> _quarantine = [];
    private readonly List<MailMessage> _clean = [];
    private readonly List<(int Week, bool Truth, bool Predicted)> _reference = [];
    private readonly AnnotationSummary _annotation = new();
    private IPredictionModel<MailText, BinaryPrediction>? _referenceModel;

    /// <summary>Replays the weeks from <paramref name="firstWeek"/> to <paramref name="lastWeek"/>.</summary>
    /// <param name="messages">The messages in arrival order.</param>
    /// <param name="firstWeek">The first week's start.</param>
    /// <param name="lastWeek">The last week's start.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>One summary per week.</returns>
    public async Task<List<WeekSummary>> RunAsync(List<MailMessage> messages, DateTimeOffset firstWeek, DateTimeOffset lastWeek, CancellationToken cancellationToken)
    {
        var clock = runtime.Clock;
        var source = new InMemoryDataSource<MailMessage>("spam-inbox", SpamLoopApp.Checkpoints(runtime.Services), clock);
        var cleaner = SpamLoopApp.Cleaner(_seenBodies);
        var desk = new LabelDesk(runtime, Path.Combine(output, "work"), _annotation);
        var newLabels = new NewLabelsTrigger(options.NewLabelsThreshold, (since, _) => ValueTask.FromResult(desk.CountSince(since)));
        var scheduler = runtime.Scheduler([newLabels]);
        var weeks = new List<WeekSummary>();
        var next = 0;
        for (var week = firstWeek; week <= lastWeek; week += Weeks.Length)
        {
            var end = week + Weeks.Length;
            var arriving = new List<MailMessage>();
            while (next < messages.Count && messages[next].Arrival < end)
            {
                arriving.Add(messages[next++]);
            }

            var row = new WeekSummary { Week = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Messages = arriving.Count, Quarantined = 0, ChampionVersion = runtime.ChampionVersion };
            weeks.Add(row);
            if (arriving.Count > 0)
            {
                source.Append(arriving);
                var batch = await source.ReadAsync(cancellationToken);
                var result = cleaner.Clean(batch.Records, (m, i) => m?.Key ?? "#" + i.ToString(CultureInfo.InvariantCulture), cancellationToken);
                await source.CommitAsync(batch, cancellationToken);
                _quarantine.AddRange(result.Quarantine);
                row.Quarantined = result.Quarantine.Count;
                foreach (var message in result.Clean)
                {
                    _seenBodies.Add(message.Body);
                }

                _clean.AddRange(result.Clean);
                if (_referenceModel is null && week >= options.ReferenceCutoff)
                {
                    await TrainReferenceAsync(cancellationToken);
                }

                Serve(result.Clean, week >= options.ReferenceCutoff ? weeks.Count - 1 : -1, row);
                desk.Expect(result.Clean);
            }

            clock.AdvanceTo(end);
            row.LabelsArrived = await desk.DeliverAsync(cancellationToken);
            if (runtime.Monitor is { } monitor)
            {
                row.Drift = SpamLoopApp.DriftText(monitor.GetWindow(week, end));
            }

            foreach (var outcome in await scheduler.CheckAsync(cancellationToken))
            {
                if (outcome.Run is not { } run)
                {
                    continue;
                }

                var ws = runtime.Workspace;
                row.Runs.Add(new RunSummary
                {
                    Trigger = outcome.TriggerName ?? "none",
                    Reason = outcome.Decision.Reason,
                    Status = run.Status.ToString(),
                    Version = ws?.Version,
                    Promoted = ws?.Promoted ?? false,
                    Decision = ws?.Decision?.Reason ?? ws?.NotReady ?? run.Steps.LastOrDefault(s => s.Error is not null)?.Error ?? string.Empty,
                    HoldoutF1 = SpamLoopApp.Round(ws?.Evaluation?.Metric(MetricNames.F1)?.Value),
                });
                if (ws is { Promoted: true })
                {
                    var first = runtime.Predictor is null;
                    await runtime.OnPromotedAsync(cancellationToken);
                    if (first)
                    {
                        scheduler = runtime.Scheduler([newLabels, .. SpamLoopApp.MonitorTriggerSet(options, runtime.Monitor!, clock)]);
                    }
                }
            }

            progress.WriteLine(Line(row));
        }

        clock.AdvanceTo(lastWeek + Weeks.Length + TimeSpan.FromDays(options.LabelDelayDays + 1));
        await desk.DeliverAsync(cancellationToken);
        return weeks;
    }

    private void Serve(IReadOnlyList<MailMessage> clean, int referenceWeek, WeekSummary row)
    {
        foreach (var message in clean)
        {
            runtime.Clock.AdvanceTo(message.Arrival);
            var text = SpamLoopApp.ToText(message, options.MaxBodyLength, isSpam: false);
            if (runtime.Predictor is { } predictor)
            {
                predictor.Predict(text, SpamLoopApp.Request(message.Key));
                row.Served++;
            }

            if (referenceWeek >= 0 && _referenceModel is { } reference)
            {
                _reference.Add((referenceWeek, message.FolderSaysSpam, reference.Predict(text).PredictedLabel));
            }
        }
    }

    private async Task TrainReferenceAsync(CancellationToken cancellationToken)
    {
        var rows = _clean.Where(m => m.Timestamp < options.ReferenceCutoff).Select(m => SpamLoopApp.ToText(m, options.MaxBodyLength, m.FolderSaysSpam)).ToList();
        if (rows.Select(r => r.IsSpam).Distinct().Count() < 2)
        {
            return;
        }

        var dataset = Dataset.FromRecords(rows, new DatasetProvenance { Source = "before-cutoff", WindowEnd = options.ReferenceCutoff });
        var trained = await SpamLoopApp.Trainer(runtime.Services).TrainAsync(dataset.ToTrainingSet(options.Seed), cancellationToken: cancellationToken);
        _referenceModel = runtime.Formats.Load<MailText, BinaryPrediction>(trained.Artifact);
    }

    private static string Line(WeekSummary row)
    {
        var runs = row.Runs.Count == 0 ? string.Empty : "  runs: " + string.Join("; ", row.Runs.Select(r => r.Trigger + (r.Version is { } v ? " → v" + v.ToString(CultureInfo.InvariantCulture) : string.Empty) + (r.Promoted ? " promoted" : " kept")));
        var champion = row.ChampionVersion is { } c ? "v" + c.ToString(CultureInfo.InvariantCulture) : "none";
        return string.Create(CultureInfo.InvariantCulture, $"week {row.Week}  messages {row.Messages,4}  quarantined {row.Quarantined,3}  champion {champion,-4}  labels {row.LabelsArrived,4}  {row.Drift}{runs}");
    }
}
