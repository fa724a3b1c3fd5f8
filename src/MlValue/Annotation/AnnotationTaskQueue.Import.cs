using System.Text.Json;

namespace MlValue.Annotation;

public sealed partial class AnnotationTaskQueue
{
    /// <summary>
    /// Imports answers from a JSONL file, one per line:
    /// <c>{"taskId":"t-…","annotatorId":"alice","label":…,"confidence":0.9}</c> (confidence optional, default 1),
    /// or <c>{"taskId":"t-…","annotatorId":"alice","abstain":true}</c>. Idempotent: an answer the queue already
    /// has changes nothing; a different answer by the same person to the same task replaces it. A malformed
    /// line is reported with its line number and reason and the import goes on; an answer for an unknown
    /// task id is reported and kept in the queue folder. The state is saved once, crash-safe, at the end.
    /// </summary>
    /// <typeparam name="TLabel">The label type; each label must deserialise to it.</typeparam>
    /// <param name="answersPath">The JSONL answers file.</param>
    /// <param name="cancellationToken">Stops the work; nothing is saved when cancelled.</param>
    /// <returns>Counts, malformed lines and unknown-task lines.</returns>
    public async Task<AnswerImportResult> ImportAnswersAsync<TLabel>(string answersPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answersPath);
        if (!File.Exists(answersPath))
        {
            throw new AnnotationException($"The answers file '{answersPath}' does not exist; check the path the labelling tool wrote to.");
        }

        var file = Path.GetFileName(answersPath);
        var text = await File.ReadAllLinesAsync(answersPath, cancellationToken).ConfigureAwait(false);
        var result = await ChangeAsync(state => Apply<TLabel>(state, text, file), cancellationToken).ConfigureAwait(false);
        Telemetry.ImportErrors.Add(result.Malformed.Count + result.UnknownTasks.Count);
        return result;
    }

    /// <summary>Applies the answer lines to the state; says whether it changed.</summary>
    private (bool Changed, AnswerImportResult Result) Apply<TLabel>(QueueState state, string[] text, string file)
    {
        var tasks = state.Tasks.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
        var malformed = new List<AnswerImportIssue>();
        var unknown = new List<AnswerImportIssue>();
        int lines = 0, added = 0, updated = 0, unchanged = 0, number = 0;
        foreach (var raw in text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            lines++;
            if (!AnswerLine.TryParse<TLabel>(raw, out var taskId, out var answer, out var reason))
            {
                malformed.Add(new AnswerImportIssue(number, taskId, reason));
                continue;
            }

            answer.AnsweredAt = _time.GetUtcNow();
            if (!tasks.TryGetValue(taskId!, out var task))
            {
                unknown.Add(new AnswerImportIssue(number, taskId, $"task '{taskId}' is not in this queue; check that the answers belong to this queue's export. The line is kept in {(_store is null ? StateFileName : $"the queue's state ({Where})")}."));
                if (!state.UnmatchedAnswers.Exists(u => u.TaskId == taskId && u.Line == raw))
                {
                    state.UnmatchedAnswers.Add(new UnmatchedAnswer { TaskId = taskId!, File = file, LineNumber = number, Line = raw });
                }

                continue;
            }

            var index = task.Answers.FindIndex(a => a.AnnotatorId == answer.AnnotatorId);
            if (index < 0)
            {
                task.Answers.Add(answer);
                added++;
            }
            else if (task.Answers[index].SameAs(answer))
            {
                unchanged++;
            }
            else
            {
                task.Answers[index] = answer;
                updated++;
            }
        }

        return (added + updated > 0 || unknown.Count > 0, new AnswerImportResult { Lines = lines, Added = added, Updated = updated, Unchanged = unchanged, Malformed = malformed, UnknownTasks = unknown });
    }
}
