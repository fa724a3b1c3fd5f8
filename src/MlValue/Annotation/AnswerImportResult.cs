namespace MlValue.Annotation;

/// <summary>What importing an answers file did. Every non-blank line is counted in exactly one of
/// <see cref="Added"/>, <see cref="Updated"/>, <see cref="Unchanged"/>, <see cref="Malformed"/> or <see cref="UnknownTasks"/>.</summary>
public sealed class AnswerImportResult
{
    /// <summary>Non-blank lines read.</summary>
    public required int Lines { get; init; }

    /// <summary>Answers new to the queue.</summary>
    public required int Added { get; init; }

    /// <summary>Answers that replaced an earlier, different answer by the same person to the same task.</summary>
    public required int Updated { get; init; }

    /// <summary>Answers the queue already had exactly (re-imports change nothing).</summary>
    public required int Unchanged { get; init; }

    /// <summary>Lines that could not be read, with line number and reason; the other lines were still imported.</summary>
    public required IReadOnlyList<AnswerImportIssue> Malformed { get; init; }

    /// <summary>Well-formed answers for task ids the queue does not know; kept in the queue folder, not dropped.</summary>
    public required IReadOnlyList<AnswerImportIssue> UnknownTasks { get; init; }
}
