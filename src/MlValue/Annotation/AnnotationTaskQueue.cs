using System.Diagnostics.Metrics;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using MlValue.Diagnostics;
using MlValue.Internal;
using MlValue.State;

namespace MlValue.Annotation;

/// <summary>
/// A durable human-annotation task queue kept in a folder: tasks are exported as JSONL for people
/// (or a labelling tool) and their answers imported back from JSONL. Exports and imports are
/// idempotent, partial answers are safe, bad lines are reported by line number and never stop an
/// import. State (<c>queue.json</c>) is written crash-safe: temporary file, flush to disk, atomic rename.
/// Opening a queue removes the temporary files of killed saves once they are an hour old and no writer holds them open.
/// One process at a time should write a queue folder; within a process the queue is thread-safe.
/// A queue kept in an <see cref="IStateStore"/> instead (for example on PostgreSQL) may be written by many
/// processes at once: every change is saved by compare-and-swap and redone on the newer state when another
/// process saved first, so no task or answer is lost.
/// </summary>
public sealed partial class AnnotationTaskQueue
{
    /// <summary>The state file's name inside <see cref="RootDirectory"/>.</summary>
    public const string StateFileName = "queue.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>How often a change is redone on a newer state before the queue gives up (other writers kept saving first).</summary>
    internal const int MaxSaveAttempts = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly IStateStore? _store;
    private readonly string? _key;

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

    private AnnotationTaskQueue(IStateStore store, string key, TimeProvider timeProvider, IMeterFactory? meterFactory)
    {
        _store = Guard.NotNull(store);
        _key = StateKey.Validate(key);
        _time = Guard.NotNull(timeProvider);
        Telemetry = MlValueMeter.For(meterFactory).Annotation;
    }

    /// <summary>Opens (or starts) the queue kept in a state store under <paramref name="key"/>; many processes may write it at once.</summary>
    /// <param name="store">The state store (for example the PostgreSQL one that <c>UsePostgreSql</c> registers).</param>
    /// <param name="key">The queue's key in the store: 1 to 128 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit.</param>
    /// <param name="timeProvider">The clock for task and answer times.</param>
    /// <param name="meterFactory">The container's meter factory; null for MlValue's shared meter.</param>
    /// <returns>The queue.</returns>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    public static AnnotationTaskQueue InStateStore(IStateStore store, string key, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
        => new(store, key, timeProvider, meterFactory);

    /// <summary>The queue's folder, or <see langword="null"/> when the queue is kept in a state store.</summary>
    public string? RootDirectory { get; }

    /// <summary>Where the state is kept, for messages: the state file, or the store's key.</summary>
    private string Where => _store is null ? StatePath : $"state store key '{_key}'";

    /// <summary>The annotate stage's instruments on this queue's meter, shared with its annotators.</summary>
    internal AnnotationTelemetry Telemetry { get; }

    private string StatePath => Path.Combine(RootDirectory!, StateFileName);

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
            AnswersByAnnotator = new SortedDictionary<string, int>(
                state.Tasks.SelectMany(t => t.Answers).GroupBy(a => a.AnnotatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
    }

    private async Task<QueueState> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await LoadAsync(cancellationToken).ConfigureAwait(false)).State;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads the state, applies <paramref name="change"/> and saves the state when the change says so; in a state store,
    /// redoes the change on the newer state when another writer saved first. Runs under the queue's gate.
    /// </summary>
    private async Task<T> ChangeAsync<T>(Func<QueueState, (bool Save, T Result)> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (state, revision) = await LoadAsync(cancellationToken).ConfigureAwait(false);
                var (save, result) = change(state);
                if (!save || await SaveAsync(state, revision, cancellationToken).ConfigureAwait(false))
                {
                    return result;
                }

                if (attempt == MaxSaveAttempts)
                {
                    throw new AnnotationException($"The task queue at {Where} was saved by other writers {MaxSaveAttempts} times in a row while this change was being applied; nothing of this change was saved. Retry it, or write the queue from fewer processes at once.");
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(QueueState State, long? Revision)> LoadAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            var entry = await _store.LoadAsync(_key!, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return (new QueueState(), null);
            }

            try
            {
                return (JsonSerializer.Deserialize<QueueState>(entry.Content.Span, Json) ?? throw new JsonException("the document holds 'null'"), entry.Revision);
            }
            catch (JsonException error)
            {
                throw new AnnotationException($"The task queue state at {Where} (revision {entry.Revision}) is not valid ({error.Message}). It is only ever replaced whole, so restore it from a backup or save an empty queue under another key.", error);
            }
        }

        if (!File.Exists(StatePath))
        {
            return (new QueueState(), null);
        }

        try
        {
            var stream = File.OpenRead(StatePath);
            await using (stream.ConfigureAwait(false))
            {
                return (await JsonSerializer.DeserializeAsync<QueueState>(stream, Json, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the file holds 'null'"), null);
            }
        }
        catch (JsonException error)
        {
            throw new AnnotationException(
                $"The task queue state '{StatePath}' is not valid ({error.Message}). It is only ever replaced whole, so restore it from a backup or move it away to start an empty queue.",
                error);
        }
    }

    /// <summary>Saves the state; false when a state store holds a newer revision than <paramref name="revision"/>.</summary>
    private async Task<bool> SaveAsync(QueueState state, long? revision, CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            return await _store.TrySaveAsync(_key!, JsonSerializer.SerializeToUtf8Bytes(state, Json), revision, cancellationToken).ConfigureAwait(false) is not null;
        }

        await AtomicFile.WriteAsync(StatePath, (s, ct) => JsonSerializer.SerializeAsync(s, state, Json, ct), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
