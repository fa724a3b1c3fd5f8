using System.Text.Json;
using MlValue.Internal;

namespace MlValue.Annotation;

public sealed partial class AnnotationTaskQueue
{
    /// <summary>All answers held, as annotations (item id, the person's id as annotator id), ordered by task creation then person.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The answers; abstains included.</returns>
    public async Task<IReadOnlyList<Annotation<TLabel>>> GetAnswersAsync<TLabel>(CancellationToken cancellationToken = default)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. state.Tasks.SelectMany(t => t.Answers.OrderBy(a => a.AnnotatorId, StringComparer.Ordinal).Select(a => ToAnnotation<TLabel>(t, a)))];
    }

    /// <summary>
    /// The queue as an annotator for one person: items that person answered get their label
    /// (or their explicit abstain); every other item gets an abstain. The annotator id is <paramref name="humanId"/>.
    /// </summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="humanId">The person's id, as written in the answers' <c>annotatorId</c>.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <returns>The annotator.</returns>
    public IAnnotator<TItem, TLabel> AsAnnotator<TItem, TLabel>(string humanId, Func<TItem, string> itemId)
        => new QueueAnnotator<TItem, TLabel>(this, Guard.NotNullOrWhiteSpace(humanId), Guard.NotNull(itemId));

    internal async Task<Dictionary<string, Annotation<TLabel>>> AnswersOfAsync<TLabel>(string humanId, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var map = new Dictionary<string, Annotation<TLabel>>(StringComparer.Ordinal);
        foreach (var task in state.Tasks)
        {
            var answer = task.Answers.Find(a => a.AnnotatorId == humanId);
            if (answer is not null)
            {
                map[task.ItemId] = ToAnnotation<TLabel>(task, answer);
            }
        }

        return map;
    }

    private static Annotation<TLabel> ToAnnotation<TLabel>(TaskRecord task, AnswerRecord answer)
        => answer.Abstain || answer.Label is null
            ? Annotations.Abstain<TLabel>(task.ItemId, answer.AnnotatorId)
            : Annotations.Of(task.ItemId, answer.AnnotatorId, answer.Label.Value.Deserialize<TLabel>(Json)!, answer.Confidence);
}
