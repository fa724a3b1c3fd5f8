namespace MlValue.Evaluation;

/// <summary>The outcome of one policy check.</summary>
public enum CheckOutcome
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>The check failed; the challenger is not promoted.</summary>
    Failed,

    /// <summary>The check could not be judged (slice too small to trust, metric undefined); the reason says why.</summary>
    Skipped,
}
