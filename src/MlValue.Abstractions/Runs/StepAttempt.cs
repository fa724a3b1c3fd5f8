namespace MlValue.Runs;

/// <summary>One attempt of a step: a retry, a resume, or the re-execution after a worker died.</summary>
public sealed record StepAttempt
{
    /// <summary>The attempt's number within the step, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The worker that ran it (the runner's worker id).</summary>
    public required string Worker { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended, or <see langword="null"/> while it runs or when its worker stopped before it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Its error, or <see langword="null"/> when it succeeded (or still runs).</summary>
    public string? Error { get; init; }

    /// <summary>The id of the job that ran the attempt when a job system ran it (a Hangfire job id), or <see langword="null"/> in process.</summary>
    public string? JobId { get; init; }
}
