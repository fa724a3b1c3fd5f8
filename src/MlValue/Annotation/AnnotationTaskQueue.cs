using System.Diagnostics.Metrics;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// A durable human-annotation task queue kept in a folder: tasks are exported as JSONL for people
/// (or a labelling tool) and their answers imported back from JSONL. Exports and imports are
/// idempotent, partial answers are safe, bad lines are reported by line number and never stop an
/// import. State (<c>queue.json</c>) is written crash-safe: temporary file, flush to disk, atomic rename.
/// Opening a queue removes the temporary files of killed saves once they are an hour old and no writer holds them open.
/// One process at a time should write a queue folder; within a process the queue is thread-safe.
/// </summary>
public sealed partial class AnnotationTaskQueue
{
    /// <summary>The state file's name inside <see cref="RootDirectory"/>.</summary>
    public const string StateFileName = "queue.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    /// <summary>Opens (or starts) the queue kept in <paramref name="rootDirectory"/>.</summary>
    /// <param name="rootDirectory">The queue's folder; created on first write.</param>
    /// <param name="timeProvider">The clock for task and answer times.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter exports, import errors and its annotators' labels are counted on; null for MlValue's shared meter.</param>
    public AnnotationTaskQueue(string rootDirectory, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        RootDirectory = Path.GetFullPath(Guard.NotNullOrWhiteSpace(rootDirectory));
        _time = Guard.NotNull(timeProvider);
        Telemetry = MlValueMeter.For(meterFactory).Annotation;
        AtomicFile.RemoveStale(RootDirectory, "*", _time.GetUtcNow());
    }

    /// <summary>The queue's folder.</summary>
    public string RootDirectory { get; }

    /// <summary>The annotate stage's instruments on this queue's meter, shared with its annotators.</summary>
    internal AnnotationTelemetry Telemetry { get; }

    private string StatePath => Path.Combine(RootDirectory, StateFileName);

    /// <summary>The task id of an item: <c>t-</c> + XxHash64 of its id, so the same item always maps to the same task.</summary>
    /// <param name="itemId">The item's id.</param>
    /// <returns>The task id.</returns>
    public static string TaskIdFor(string itemId)
        => "t-" + Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(Guard.NotNullOrWhiteSpace(itemId))));

    /// <summary>Counts tasks and answers.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The counts.</returns>
    public async Task<TaskQueueStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var answered = state.Tasks.Count(t => t.Answers.Count > 0);
        return new TaskQueueStatus
        {
            Tasks = state.Tasks.Count,
            Answered = answered,
            Pending = state.Tasks.Count - answered,
            Answers = state.Tasks.Sum(t => t.Answers.Count),
            UnmatchedAnswers = state.UnmatchedAnswers.Count,
        };
    }

    private async Task<QueueState> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<QueueState> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(StatePath))
        {
            return new QueueState();
        }

        try
        {
            var stream = File.OpenRead(StatePath);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<QueueState>(stream, Json, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the file holds 'null'");
            }
        }
        catch (JsonException error)
        {
            throw new AnnotationException(
                $"The task queue state '{StatePath}' is not valid ({error.Message}). It is only ever replaced whole, so restore it from a backup or move it away to start an empty queue.",
                error);
        }
    }

    private Task SaveAsync(QueueState state, CancellationToken cancellationToken)
        => AtomicFile.WriteAsync(StatePath, (s, ct) => JsonSerializer.SerializeAsync(s, state, Json, ct), cancellationToken);
}
