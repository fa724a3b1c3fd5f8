namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>Weeks of the replay: seven days aligned to the Unix epoch, like the monitor's tumbling windows.</summary>
public static class Weeks
{
    /// <summary>One week.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromDays(7);

    /// <summary>The first instant of the week holding <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant.</param>
    /// <returns>The week start (UTC).</returns>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var ticks = (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / Length.Ticks * Length.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
