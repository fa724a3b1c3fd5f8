using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Annotation;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Samples.SpamLoop.Summary;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>
/// Late labels: a message's label arrives <c>LabelDelayDays</c> after the message. Easy ham and spam take the label
/// of their corpus folder; the hard-ham pool goes through annotation — the rule labeling functions plus the human task
/// queue, answered by a simulated reviewer from the folder (with two malformed lines in the first answer file), and
/// aggregated by weighted vote.
/// </summary>
public sealed class LabelDesk(SpamLoopRuntime runtime, string workFolder, AnnotationSummary summary)
{
    private readonly List<(MailMessage Message, DateTimeOffset Due)> _waiting = [];
    private readonly RuleAnnotator<MailMessage, string> _rules = SpamRules.Annotator();
    private readonly List<DateTimeOffset> _arrivals = [];
    private int _batch;

    /// <summary>Labels that arrived after <paramref name="since"/> (all when null).</summary>
    /// <param name="since">The last run's start.</param>
    /// <returns>The count.</returns>
    public long CountSince(DateTimeOffset? since) => since is { } s ? _arrivals.Count(a => a > s) : _arrivals.Count;

    /// <summary>Queues the clean messages of a week; their labels become due after the delay.</summary>
    /// <param name="messages">The week's clean messages.</param>
    public void Expect(IEnumerable<MailMessage> messages)
    {
        foreach (var message in messages)
        {
            _waiting.Add((message, message.Arrival.AddDays(runtime.Options.LabelDelayDays)));
        }
    }

    /// <summary>Delivers every label due by now: annotates the hard-ham pool, records outcomes in the monitor, grows the labelled pool.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Labels delivered.</returns>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var now = runtime.Clock.GetUtcNow();
        var due = _waiting.Where(w => w.Due <= now).Select(w => w.Message).ToList();
        _waiting.RemoveAll(w => w.Due <= now);
        if (due.Count == 0)
        {
            return 0;
        }

        var labels = due.Where(m => m.Group != "hard-ham-1").ToDictionary(m => m.Key, m => m.FolderSaysSpam, StringComparer.Ordinal);
        var hard = due.Where(m => m.Group == "hard-ham-1").ToList();
        if (hard.Count > 0)
        {
            foreach (var (key, label) in await AnnotateAsync(hard, cancellationToken))
            {
                labels[key] = label;
            }
        }

        foreach (var message in due.Where(m => labels.ContainsKey(m.Key)))
        {
            var isSpam = labels[message.Key];
            runtime.Monitor?.RecordOutcome(message.Key, isSpam ? 1 : 0);
            runtime.Labelled.Add(SpamLoopApp.ToText(message, runtime.Options.MaxBodyLength, isSpam));
            _arrivals.Add(now);
        }

        return labels.Count;
    }

    private async Task<List<(string Key, bool IsSpam)>> AnnotateAsync(List<MailMessage> items, CancellationToken cancellationToken)
    {
        var queue = runtime.Services.GetRequiredService<AnnotationTaskQueue>();
        var batch = ++_batch;
        var suggestions = await _rules.AnnotateAsync(items, cancellationToken);
        var tasks = Path.Combine(workFolder, $"tasks-{batch:D3}.jsonl");
        await queue.ExportAsync(items, m => m.Key, suggestions, tasks, cancellationToken);
        var answers = Path.Combine(workFolder, $"answers-{batch:D3}.jsonl");
        await File.WriteAllTextAsync(answers, SimulatedReviewer(tasks, items, batch), cancellationToken);
        var import = await queue.ImportAnswersAsync<string>(answers, cancellationToken);
        summary.Answers += import.Added + import.Updated;
        summary.MalformedLines += import.Malformed.Count;
        var reviewer = await queue.AsAnnotator<MailMessage, string>("reviewer", m => m.Key).AnnotateAsync(items, cancellationToken);
        var aggregated = LabelAggregator.WeightedVote(suggestions.Concat(reviewer), new Dictionary<string, double> { ["rules"] = 1, ["reviewer"] = 3 });
        var result = new List<(string, bool)>();
        var folder = items.ToDictionary(m => m.Key, m => m.FolderSaysSpam, StringComparer.Ordinal);
        foreach (var label in aggregated)
        {
            if (label.IsAbstain)
            {
                summary.Abstained++;
                continue;
            }

            summary.Aggregated++;
            var isSpam = label.Label == "spam";
            summary.AgreeWithFolder += isSpam == folder[label.ItemId] ? 1 : 0;
            result.Add((label.ItemId, isSpam));
        }

        return result;
    }

    /// <summary>The reviewer answers every exported task from the corpus folder; the first file also has two broken lines.</summary>
    private static string SimulatedReviewer(string tasksPath, List<MailMessage> items, int batch)
    {
        var truth = items.ToDictionary(m => m.Key, m => m.FolderSaysSpam ? "spam" : "ham", StringComparer.Ordinal);
        var text = new StringBuilder();
        if (batch == 1)
        {
            text.Append("{\"taskId\": \"t-oops\", \"annotatorId\": \"reviewer\", \"label\":\n");
            text.Append("not json at all\n");
        }

        foreach (var line in File.Exists(tasksPath) ? File.ReadAllLines(tasksPath) : [])
        {
            using var task = JsonDocument.Parse(line);
            var itemId = task.RootElement.GetProperty("itemId").GetString()!;
            var answer = new { taskId = task.RootElement.GetProperty("taskId").GetString(), annotatorId = "reviewer", label = truth[itemId], confidence = 0.95 };
            text.Append(JsonSerializer.Serialize(answer)).Append('\n');
        }

        return text.ToString();
    }
}
