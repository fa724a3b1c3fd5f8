namespace MlValue.Samples.SpamLoop;

/// <summary>
/// The replay's clock: every MlValue component takes time from it, and the replay moves it forward to each
/// message's arrival and to each week's end. It never moves backward.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private DateTimeOffset _now;

    /// <summary>Creates the clock at <paramref name="start"/>.</summary>
    /// <param name="start">The first instant.</param>
    public SimulatedClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock to <paramref name="instant"/> when it is later than now; earlier instants are ignored.</summary>
    /// <param name="instant">The new time.</param>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant.ToUniversalTime();
        }
    }
}
