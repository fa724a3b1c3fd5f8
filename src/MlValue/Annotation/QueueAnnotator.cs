namespace MlValue.Annotation;

/// <summary>One person's answers in a task queue, as an annotator.</summary>
internal sealed class QueueAnnotator<TItem, TLabel>(AnnotationTaskQueue queue, string humanId, Func<TItem, string> itemId) : IAnnotator<TItem, TLabel>
{
    public string Id => humanId;

    public async Task<IReadOnlyList<Annotation<TLabel>>> AnnotateAsync(IEnumerable<TItem> items, CancellationToken cancellationToken = default)
    {
        using var activity = AnnotationTelemetry.Start("mlvalue.annotation.human", humanId);
        var keyed = ItemKeys.Collect(items, itemId, $"Task queue annotator '{humanId}'");
        var answers = await queue.AnswersOfAsync<TLabel>(humanId, cancellationToken).ConfigureAwait(false);
        var result = keyed.ConvertAll(k => answers.TryGetValue(k.Id, out var a) ? a : Annotations.Abstain<TLabel>(k.Id, humanId));
        queue.Telemetry.Record(humanId, result);
        return result;
    }
}
