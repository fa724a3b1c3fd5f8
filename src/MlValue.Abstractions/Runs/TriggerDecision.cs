namespace MlValue.Runs;

/// <summary>A trigger's answer: run or not, and why.</summary>
/// <param name="Fire">Whether the loop should run.</param>
/// <param name="Reason">Why, in words that go into the run record.</param>
public readonly record struct TriggerDecision(bool Fire, string Reason)
{
    /// <summary>
    /// The data the trigger saw (a data watermark, the newest label's sequence, a dataset id), or
    /// <see langword="null"/> when the trigger does not say. When the loop's last run failed, a firing
    /// with an inputs key different from that run's supersedes it (it is abandoned and a fresh run
    /// starts); an equal key, or no key on either side, resumes it.
    /// </summary>
    public string? InputsKey { get; init; }

    /// <summary>Do not run.</summary>
    /// <param name="reason">Why not.</param>
    /// <returns>The decision.</returns>
    public static TriggerDecision Hold(string reason) => new(false, reason);

    /// <summary>Run.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The decision.</returns>
    public static TriggerDecision Run(string reason) => new(true, reason);

    /// <summary>Run, for the data named by <paramref name="inputsKey"/>.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="inputsKey">The data the trigger saw (see <see cref="InputsKey"/>).</param>
    /// <returns>The decision.</returns>
    public static TriggerDecision Run(string reason, string inputsKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputsKey);
        return new(true, reason) { InputsKey = inputsKey };
    }
}
