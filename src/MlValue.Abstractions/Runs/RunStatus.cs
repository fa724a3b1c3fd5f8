namespace MlValue.Runs;

/// <summary>The state of a run or of one of its steps.</summary>
public enum RunStatus
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Started and not finished (or its process died; a resume picks it up).</summary>
    Running,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Finished with an error after its retries; a resume restarts it.</summary>
    Failed,

    /// <summary>Not executed because it had already succeeded in an earlier attempt of the run.</summary>
    Skipped,

    /// <summary>A failed run given up: a trigger fired for other data and a fresh run superseded it (see <see cref="RunRecord.AbandonedReason"/>). It is never resumed.</summary>
    Abandoned,
}
