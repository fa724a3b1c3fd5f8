namespace MlValue.Runs;

/// <summary>A trigger's answer: run or not, and why.</summary>
/// <param name="Fire">Whether the loop should run.</param>
/// <param name="Reason">Why, in words that go into the run record.</param>
public readonly record struct TriggerDecision(bool Fire, string Reason)
{
    /// <summary>Do not run.</summary>
    /// <param name="reason">Why not.</param>
    /// <returns>The decision.</returns>
    public static TriggerDecision Hold(string reason) => new(false, reason);

    /// <summary>Run.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The decision.</returns>
    public static TriggerDecision Run(string reason) => new(true, reason);
}
