using System.Text.Json;

namespace MlValue.Annotation;

/// <summary>The persisted state of a task queue folder (<c>queue.json</c>).</summary>
internal sealed class QueueState
{
    public int FormatVersion { get; set; } = 1;

    public List<TaskRecord> Tasks { get; set; } = [];

    public List<UnmatchedAnswer> UnmatchedAnswers { get; set; } = [];
}

/// <summary>One human annotation task and the answers it received.</summary>
internal sealed class TaskRecord
{
    public string TaskId { get; set; } = string.Empty;

    public string ItemId { get; set; } = string.Empty;

    public JsonElement Item { get; set; }

    public SuggestionRecord? Suggestion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<AnswerRecord> Answers { get; set; } = [];
}

/// <summary>A pre-label shown to the person answering.</summary>
internal sealed class SuggestionRecord
{
    public JsonElement Label { get; set; }

    public double Confidence { get; set; }

    public string AnnotatorId { get; set; } = string.Empty;
}

/// <summary>One person's answer to a task.</summary>
internal sealed class AnswerRecord
{
    public string AnnotatorId { get; set; } = string.Empty;

    public bool Abstain { get; set; }

    public JsonElement? Label { get; set; }

    public double Confidence { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public bool SameAs(AnswerRecord other)
        => Abstain == other.Abstain
            && Confidence.Equals(other.Confidence)
            && string.Equals(Label?.GetRawText(), other.Label?.GetRawText(), StringComparison.Ordinal);
}

/// <summary>An answer line whose task id the queue does not know, kept instead of dropped.</summary>
internal sealed class UnmatchedAnswer
{
    public string TaskId { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public int LineNumber { get; set; }

    public string Line { get; set; } = string.Empty;
}
