using MlValue.Internal;
using System.Text;
using System.Text.Json;

namespace MlValue.Annotation;

public sealed partial class AnnotationTaskQueue
{
    /// <summary>
    /// Creates a task for every item that has none yet and writes those new tasks to
    /// <paramref name="exportPath"/> as JSONL: <c>{"taskId","itemId","item",["suggestion":{"label","confidence","annotatorId"}]}</c>.
    /// Items whose task is pending or answered are skipped, so exporting again never duplicates work.
    /// The state is saved before the file is written; if the file is lost, <see cref="ExportPendingAsync"/> writes it again.
    /// </summary>
    /// <typeparam name="TItem">The item type; serialised with System.Text.Json as the task's payload.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="items">The items to be labelled.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="suggestions">Optional pre-labels (for example from a model-assisted annotator), matched by item id; abstains are not shown.</param>
    /// <param name="exportPath">The JSONL file to write (replaced whole).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The created task ids and the skipped counts.</returns>
    public async Task<TaskExportResult> ExportAsync<TItem, TLabel>(
        IEnumerable<TItem> items,
        Func<TItem, string> itemId,
        IEnumerable<Annotation<TLabel>>? suggestions,
        string exportPath,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportPath);
        var keyed = ItemKeys.Collect(items, itemId, "Task export");
        var hints = new Dictionary<string, Annotation<TLabel>>(StringComparer.Ordinal);
        foreach (var s in suggestions ?? [])
        {
            if (!s.IsAbstain)
            {
                hints[s.ItemId] = s;
            }
        }

        var (created, pending, answered) = await ChangeAsync(
            state =>
            {
                var known = state.Tasks.ToDictionary(t => t.ItemId, StringComparer.Ordinal);
                var made = new List<TaskRecord>();
                int open = 0, done = 0;
                foreach (var (id, item) in keyed)
                {
                    if (known.TryGetValue(id, out var existing))
                    {
                        _ = existing.Answers.Count > 0 ? done++ : open++;
                        continue;
                    }

                    var task = new TaskRecord
                    {
                        TaskId = TaskIdFor(id),
                        ItemId = id,
                        Item = JsonSerializer.SerializeToElement(item, Json),
                        CreatedAt = _time.GetUtcNow(),
                        Suggestion = hints.TryGetValue(id, out var hint)
                            ? new SuggestionRecord { Label = JsonSerializer.SerializeToElement(hint.Label, Json), Confidence = hint.Confidence, AnnotatorId = hint.AnnotatorId }
                            : null,
                    };
                    made.Add(task);
                    state.Tasks.Add(task);
                }

                return (made.Count > 0, (made, open, done));
            },
            cancellationToken).ConfigureAwait(false);

        // The state is saved before the file is written; the tasks another writer made are in its own export.
        await WriteTasksAsync(exportPath, created, cancellationToken).ConfigureAwait(false);
        Telemetry.TasksExported.Add(created.Count);
        return new TaskExportResult { ExportPath = Path.GetFullPath(exportPath), CreatedTaskIds = created.ConvertAll(t => t.TaskId), AlreadyPending = pending, AlreadyAnswered = answered };
    }

    /// <summary>Writes every task that has no answer yet to <paramref name="exportPath"/> (same JSONL format), for example to resend a lost file.</summary>
    /// <param name="exportPath">The JSONL file to write (replaced whole).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>How many tasks were written.</returns>
    public async Task<int> ExportPendingAsync(string exportPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exportPath);
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var pending = state.Tasks.Where(t => t.Answers.Count == 0).ToList();
        await WriteTasksAsync(exportPath, pending, cancellationToken).ConfigureAwait(false);
        return pending.Count;
    }

    private static Task WriteTasksAsync(string path, List<TaskRecord> tasks, CancellationToken cancellationToken)
        => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
            await using (writer.ConfigureAwait(false))
            {
                foreach (var t in tasks)
                {
                    var line = new { t.TaskId, t.ItemId, t.Item, t.Suggestion };
                    await writer.WriteLineAsync(JsonSerializer.Serialize(line, Json).AsMemory(), ct).ConfigureAwait(false);
                }
            }
        }, cancellationToken);
}
