namespace MlValue.Annotation;

/// <summary>What one submitted answer did to the queue.</summary>
public enum AnswerOutcome
{
    /// <summary>The person's first answer to the task: kept.</summary>
    Added,

    /// <summary>The person had answered the task differently: the new answer replaced theirs.</summary>
    Updated,

    /// <summary>The person had given this very answer already (a double submit or a refresh): nothing changed.</summary>
    Unchanged,
}
