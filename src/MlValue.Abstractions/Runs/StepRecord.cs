namespace MlValue.Runs;

/// <summary>What happened in one step of a run.</summary>
public sealed record StepRecord
{
    /// <summary>The step's name, as in the loop definition.</summary>
    public required string Name { get; init; }

    /// <summary>The step's status.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>When the step (last) started, or <see langword="null"/> if it never did.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the step (last) ended, or <see langword="null"/>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>How many attempts the step took in total, retries and resumes included.</summary>
    public int Attempts { get; init; }

    /// <summary>The references the step read, by output key (for example <c>dataset</c> → the dataset <c>ds-…</c>).</summary>
    public IReadOnlyDictionary<string, StepReference> Inputs { get; init; } = new Dictionary<string, StepReference>();

    /// <summary>The references the step produced (dataset id, model version, decision, or a plain value).</summary>
    public IReadOnlyDictionary<string, StepReference> Outputs { get; init; } = new Dictionary<string, StepReference>();

    /// <summary>The last error, when the step failed (every attempt's error is in <see cref="AttemptLog"/>).</summary>
    public string? Error { get; init; }

    /// <summary>Every attempt of the step, oldest first: retries, resumes and re-executions after a worker died, each with its worker and error.</summary>
    public IReadOnlyList<StepAttempt> AttemptLog { get; init; } = [];
}
