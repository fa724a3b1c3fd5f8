namespace MlValue.Annotation;

/// <summary>An answer line that was not applied, with its 1-based line number and the reason.</summary>
public sealed class AnswerImportIssue
{
    internal AnswerImportIssue(int lineNumber, string? taskId, string reason)
    {
        LineNumber = lineNumber;
        TaskId = taskId;
        Reason = reason;
    }

    /// <summary>The 1-based line number in the answers file.</summary>
    public int LineNumber { get; }

    /// <summary>The task id on the line, when it could be read.</summary>
    public string? TaskId { get; }

    /// <summary>What was wrong and how to fix it.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"line {LineNumber}: {Reason}";
}
