using System.Globalization;

namespace MlValue.Cleaning;

/// <summary>
/// How a timestamp transform reads a string: the exact formats it accepts (invariant culture) and
/// the range a parsed timestamp must lie in. A value that matches no format, or lies outside the
/// range, sends its record to the quarantine with the reason. A value parsed by a format without a
/// zone is read as UTC (the machine's zone is never used, so results are the same everywhere).
/// </summary>
public sealed class TimestampParsing
{
    /// <summary>Creates parsing settings.</summary>
    /// <param name="formats">The custom or standard .NET date formats to accept, tried in order; at least one.</param>
    /// <param name="min">The earliest valid timestamp (inclusive).</param>
    /// <param name="max">The latest valid timestamp (inclusive).</param>
    public TimestampParsing(IReadOnlyList<string> formats, DateTimeOffset min, DateTimeOffset max)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Count == 0 || formats.Any(string.IsNullOrWhiteSpace))
        {
            throw new CleaningException("TimestampParsing needs at least one non-empty format, for example \"yyyy-MM-dd'T'HH:mm:sszzz\".");
        }

        if (min > max)
        {
            throw new CleaningException($"TimestampParsing range is empty: min {min:O} is after max {max:O}. Swap them.");
        }

        Formats = formats;
        Min = min;
        Max = max;
    }

    /// <summary>The formats accepted, tried in order.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>The earliest valid timestamp (inclusive).</summary>
    public DateTimeOffset Min { get; }

    /// <summary>The latest valid timestamp (inclusive).</summary>
    public DateTimeOffset Max { get; }

    /// <summary>
    /// When set, RFC 2822 mail headers are prepared before the formats are tried: a leading day name
    /// and a trailing comment such as <c>(EDT)</c> are dropped, a zone such as <c>+0700</c> becomes <c>+07:00</c> and
    /// <c>GMT</c>/<c>UT</c>/<c>EST</c>…<c>PDT</c> become offsets. Default: <see langword="false"/>.
    /// </summary>
    public bool Rfc2822Zones { get; init; }

    /// <summary>
    /// With <see cref="Rfc2822Zones"/>: read a zone beyond ±1400 (for example <c>-1900</c>, written by
    /// broken mailers) as UTC and keep the record, instead of quarantining it. The wall-clock time is
    /// kept, so the timestamp is off by at most a day. Turn it on when rejecting would be biased (in the
    /// SpamAssassin corpus such zones come almost only from spam). Default: <see langword="false"/>.
    /// </summary>
    public bool ReadInvalidZonesAsUtc { get; init; }

    /// <summary>
    /// Settings for RFC 2822 <c>Date</c> headers (<c>Thu, 22 Aug 2002 18:26:25 +0700</c>) within
    /// <paramref name="min"/>..<paramref name="max"/>. The day name is optional and not checked against the
    /// date (real mail often gets it wrong); seconds are optional; a two-digit year is 19xx/20xx as .NET
    /// reads <c>yy</c>; a missing zone is read as UTC; a zone beyond ±1400 is rejected unless
    /// <see cref="ReadInvalidZonesAsUtc"/> is set.
    /// </summary>
    /// <param name="min">The earliest valid timestamp (inclusive).</param>
    /// <param name="max">The latest valid timestamp (inclusive).</param>
    /// <param name="readInvalidZonesAsUtc">Sets <see cref="ReadInvalidZonesAsUtc"/>. Default: <see langword="false"/>.</param>
    /// <returns>The settings.</returns>
    public static TimestampParsing Rfc2822(DateTimeOffset min, DateTimeOffset max, bool readInvalidZonesAsUtc = false)
        => new(["d MMM yyyy H:m:s zzz", "d MMM yyyy H:m zzz", "d MMM yy H:m:s zzz", "d MMM yy H:m zzz", "d MMM yyyy H:m:s", "d MMM yyyy H:m"], min, max)
        {
            Rfc2822Zones = true,
            ReadInvalidZonesAsUtc = readInvalidZonesAsUtc,
        };

    internal DateTimeStyles Styles => DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
}
