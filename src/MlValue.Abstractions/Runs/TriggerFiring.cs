namespace MlValue.Runs;

/// <summary>A trigger that fired (or a direct call) and the run it started, resumed or superseded into.</summary>
public sealed record TriggerFiring
{
    /// <summary>The trigger's name, or <see langword="null"/> for a direct <c>LoopRunner.RunAsync</c> call.</summary>
    public string? Trigger { get; init; }

    /// <summary>Why it fired.</summary>
    public required string Reason { get; init; }

    /// <summary>When it fired.</summary>
    public required DateTimeOffset FiredAt { get; init; }

    /// <summary>The data the trigger saw (<see cref="TriggerDecision.InputsKey"/>), or <see langword="null"/> when it does not say.</summary>
    public string? InputsKey { get; init; }
}
