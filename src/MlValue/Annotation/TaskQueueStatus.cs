namespace MlValue.Annotation;

/// <summary>Counts of a task queue.</summary>
public sealed class TaskQueueStatus
{
    /// <summary>All tasks ever created.</summary>
    public required int Tasks { get; init; }

    /// <summary>Tasks with no answer yet.</summary>
    public required int Pending { get; init; }

    /// <summary>Tasks with at least one answer.</summary>
    public required int Answered { get; init; }

    /// <summary>Answers held, over all tasks and people.</summary>
    public required int Answers { get; init; }

    /// <summary>Answers kept for task ids the queue does not know.</summary>
    public required int UnmatchedAnswers { get; init; }

    /// <summary>Answers held per person (annotator id), abstains included, ordered by id.</summary>
    public IReadOnlyDictionary<string, int> AnswersByAnnotator { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
}
