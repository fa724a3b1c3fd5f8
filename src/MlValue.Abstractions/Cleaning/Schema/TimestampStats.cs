namespace MlValue.Cleaning;

/// <summary>The observed range of a timestamp column.</summary>
public sealed class TimestampStats
{
    /// <summary>The earliest value, in UTC.</summary>
    public DateTimeOffset Min { get; init; }

    /// <summary>The latest value, in UTC.</summary>
    public DateTimeOffset Max { get; init; }
}
