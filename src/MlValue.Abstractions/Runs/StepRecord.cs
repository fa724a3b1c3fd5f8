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

    /// <summary>The ids the step consumed (for example <c>dataset</c> → <c>ds-…</c>).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The ids the step produced (dataset id, model version, decision).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The last error, when the step failed.</summary>
    public string? Error { get; init; }
}
