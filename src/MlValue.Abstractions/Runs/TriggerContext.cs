namespace MlValue.Runs;

/// <summary>What a trigger sees: the loop, the time now (from <see cref="TimeProvider"/>) and its last run.</summary>
public sealed class TriggerContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="now">The time now.</param>
    /// <param name="lastRun">The loop's most recent run, or <see langword="null"/>.</param>
    public TriggerContext(string loopName, DateTimeOffset now, RunRecord? lastRun)
    {
        LoopName = loopName;
        Now = now;
        LastRun = lastRun;
    }

    /// <summary>The loop's name.</summary>
    public string LoopName { get; }

    /// <summary>The time now.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The loop's most recent run, or <see langword="null"/> when it never ran.</summary>
    public RunRecord? LastRun { get; }
}
