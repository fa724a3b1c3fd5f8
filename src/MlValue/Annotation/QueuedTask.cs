using System.Text.Json;

namespace MlValue.Annotation;

/// <summary>One task of a queue as a person answering it sees it: the item, the pre-label, and how many answers it has.</summary>
public sealed class QueuedTask
{
    /// <summary>The task id (<see cref="AnnotationTaskQueue.TaskIdFor"/> of the item id).</summary>
    public required string TaskId { get; init; }

    /// <summary>The item's id.</summary>
    public required string ItemId { get; init; }

    /// <summary>The item as exported (its JSON).</summary>
    public required JsonElement Item { get; init; }

    /// <summary>The pre-label's JSON (for example a model's label), or <see langword="null"/> without one.</summary>
    public JsonElement? SuggestedLabel { get; init; }

    /// <summary>The pre-label's confidence in [0, 1], or <see langword="null"/> without one.</summary>
    public double? SuggestedConfidence { get; init; }

    /// <summary>Who made the pre-label (for example <c>model:spam@v2</c>), or <see langword="null"/> without one.</summary>
    public string? SuggestedBy { get; init; }

    /// <summary>The answers the task has so far, from anyone.</summary>
    public required int Answers { get; init; }

    /// <summary>The task's place in the queue's order, from 1 (the order tasks were exported in).</summary>
    public required int Position { get; init; }

    /// <summary>The queue's task count when the task was read.</summary>
    public required int QueueLength { get; init; }

    /// <summary>Reads the item as <typeparamref name="TItem"/> (the type it was exported as).</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <returns>The item.</returns>
    /// <exception cref="AnnotationException">The item's JSON does not read as <typeparamref name="TItem"/>.</exception>
    public TItem ItemAs<TItem>()
    {
        try
        {
            return Item.Deserialize<TItem>(AnnotationTaskQueue.Json) ?? throw new AnnotationException($"The item of task '{TaskId}' is JSON null, not a {typeof(TItem).Name}.");
        }
        catch (JsonException error)
        {
            throw new AnnotationException($"The item of task '{TaskId}' does not read as {typeof(TItem).Name}: {error.Message} Read it with the type it was exported as.", error);
        }
    }
}
