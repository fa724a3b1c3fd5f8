namespace MlValue.Annotation;

/// <summary>What exporting tasks did.</summary>
public sealed class TaskExportResult
{
    /// <summary>The JSONL file written: one line per new task.</summary>
    public required string ExportPath { get; init; }

    /// <summary>The ids of the tasks created and written, in item order.</summary>
    public required IReadOnlyList<string> CreatedTaskIds { get; init; }

    /// <summary>Items skipped because their task is already waiting for an answer.</summary>
    public required int AlreadyPending { get; init; }

    /// <summary>Items skipped because their task is already answered.</summary>
    public required int AlreadyAnswered { get; init; }
}
