namespace MlValue.Runs;

/// <summary>What one scheduler check did for one loop.</summary>
public sealed class TriggerOutcome
{
    /// <summary>The loop's name.</summary>
    public required string LoopName { get; init; }

    /// <summary>The trigger that fired, or the last one evaluated when none fired (<see langword="null"/>: the loop has no trigger).</summary>
    public string? TriggerName { get; init; }

    /// <summary>The decision.</summary>
    public required TriggerDecision Decision { get; init; }

    /// <summary>The run it started or resumed, when it fired and the lease was free.</summary>
    public RunRecord? Run { get; init; }
}
