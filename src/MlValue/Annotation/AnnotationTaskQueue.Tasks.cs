using System.Text.Json;
using MlValue.Internal;

namespace MlValue.Annotation;

public sealed partial class AnnotationTaskQueue
{
    /// <summary>
    /// The next task for one person, in the queue's order (the order tasks were exported in, which is the order
    /// <see cref="ActiveLearning"/> ranked them when exported that way): the first task this person has not answered that
    /// has fewer than <paramref name="answersPerTask"/> answers. With <paramref name="afterTaskId"/> (a task the person
    /// skipped), the search starts after that task and comes back round to the start, so a skipped task comes last.
    /// </summary>
    /// <param name="annotatorId">The person's id.</param>
    /// <param name="answersPerTask">How many answers a task needs before it leaves the queue. Default: 1.</param>
    /// <param name="afterTaskId">A task to start after, or <see langword="null"/> to start at the front.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The task, or <see langword="null"/> when none is waiting for this person.</returns>
    public async Task<QueuedTask?> GetNextTaskAsync(string annotatorId, int answersPerTask = 1, string? afterTaskId = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(annotatorId);
        ArgumentOutOfRangeException.ThrowIfLessThan(answersPerTask, 1);
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var tasks = state.Tasks;
        var start = afterTaskId is null ? 0 : tasks.FindIndex(t => t.TaskId == afterTaskId) + 1;
        for (var i = 0; i < tasks.Count; i++)
        {
            var index = (start + i) % tasks.Count;
            var task = tasks[index];
            if (task.Answers.Count < answersPerTask && !task.Answers.Exists(a => a.AnnotatorId == annotatorId) && task.TaskId != afterTaskId)
            {
                return View(task, index, tasks.Count);
            }
        }

        // Only the skipped task is left for this person.
        var skipped = afterTaskId is null ? -1 : tasks.FindIndex(t => t.TaskId == afterTaskId);
        return skipped >= 0 && tasks[skipped].Answers.Count < answersPerTask && !tasks[skipped].Answers.Exists(a => a.AnnotatorId == annotatorId)
            ? View(tasks[skipped], skipped, tasks.Count)
            : null;
    }

    /// <summary>One task by id.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The task, or <see langword="null"/> when the queue has no such task.</returns>
    public async Task<QueuedTask?> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(taskId);
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var index = state.Tasks.FindIndex(t => t.TaskId == taskId);
        return index < 0 ? null : View(state.Tasks[index], index, state.Tasks.Count);
    }

    /// <summary>
    /// Keeps one person's label for one task, saved crash-safe before this returns, with the guarantees of
    /// <see cref="ImportAnswersAsync{TLabel}"/>: the same answer again changes nothing (a double submit or a refresh),
    /// a different answer by the same person replaces theirs, and answers by other people are kept beside it.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="taskId">The task id.</param>
    /// <param name="annotatorId">Who answers (for example the signed-in user's name).</param>
    /// <param name="label">The label.</param>
    /// <param name="confidence">The person's confidence in (0, 1]. Default: 1.</param>
    /// <param name="cancellationToken">Stops the work; nothing is saved when cancelled.</param>
    /// <returns>Whether the answer was added, replaced one, or was there already.</returns>
    /// <exception cref="AnnotationException">The queue has no task <paramref name="taskId"/>.</exception>
    public Task<AnswerOutcome> SubmitAnswerAsync<TLabel>(string taskId, string annotatorId, TLabel label, double confidence = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!(confidence > 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1].");
        }

        var answer = new AnswerRecord { AnnotatorId = Guard.NotNullOrWhiteSpace(annotatorId), Label = JsonSerializer.SerializeToElement(label, Json), Confidence = confidence };
        return SubmitAsync(Guard.NotNullOrWhiteSpace(taskId), answer, cancellationToken);
    }

    /// <summary>Keeps one person's explicit abstain for one task ("I cannot tell"), with the guarantees of <see cref="SubmitAnswerAsync{TLabel}"/>.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="annotatorId">Who answers.</param>
    /// <param name="cancellationToken">Stops the work; nothing is saved when cancelled.</param>
    /// <returns>Whether the answer was added, replaced one, or was there already.</returns>
    /// <exception cref="AnnotationException">The queue has no task <paramref name="taskId"/>.</exception>
    public Task<AnswerOutcome> SubmitAbstainAsync(string taskId, string annotatorId, CancellationToken cancellationToken = default)
        => SubmitAsync(Guard.NotNullOrWhiteSpace(taskId), new AnswerRecord { AnnotatorId = Guard.NotNullOrWhiteSpace(annotatorId), Abstain = true }, cancellationToken);

    private Task<AnswerOutcome> SubmitAsync(string taskId, AnswerRecord answer, CancellationToken cancellationToken)
        => ChangeAsync(
            state =>
            {
                var task = state.Tasks.Find(t => t.TaskId == taskId)
                    ?? throw new AnnotationException($"The task queue at {Where} has no task '{taskId}'; the answer was not kept. Answer a task the queue shows (it may have been created by another queue).");
                answer.AnsweredAt = _time.GetUtcNow();
                var index = task.Answers.FindIndex(a => a.AnnotatorId == answer.AnnotatorId);
                if (index < 0)
                {
                    task.Answers.Add(answer);
                    return (true, AnswerOutcome.Added);
                }

                if (task.Answers[index].SameAs(answer))
                {
                    return (false, AnswerOutcome.Unchanged);
                }

                task.Answers[index] = answer;
                return (true, AnswerOutcome.Updated);
            },
            cancellationToken);

    private static QueuedTask View(TaskRecord task, int index, int count) => new()
    {
        TaskId = task.TaskId,
        ItemId = task.ItemId,
        Item = task.Item,
        SuggestedLabel = task.Suggestion?.Label,
        SuggestedConfidence = task.Suggestion?.Confidence,
        SuggestedBy = task.Suggestion?.AnnotatorId,
        Answers = task.Answers.Count,
        Position = index + 1,
        QueueLength = count,
    };
}
