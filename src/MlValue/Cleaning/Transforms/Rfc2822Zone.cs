using System.Globalization;

namespace MlValue.Cleaning.Transforms;

/// <summary>
/// Prepares an RFC 2822 date for .NET's exact parsing: drops the optional day name (often wrong in
/// real mail) and a trailing comment such as <c>(EDT)</c>, and turns the zone (<c>+0700</c>, <c>GMT</c>,
/// <c>EDT</c>…) into the <c>+hh:mm</c> form that <c>zzz</c> reads.
/// </summary>
internal static class Rfc2822Zone
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    /// <summary>Returns the prepared text, or null with a problem when the zone cannot be a real offset (unless it is to be read as UTC).</summary>
    public static string? Prepare(string text, bool invalidZoneAsUtc, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        var comment = value.IndexOf('(', StringComparison.Ordinal);
        if (comment > 0)
        {
            value = value[..comment].TrimEnd();
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and <= 9 && value.AsSpan(0, comma).ContainsAnyExceptInRange('A', 'z') is false)
        {
            value = value[(comma + 1)..].TrimStart();
        }

        var space = value.LastIndexOf(' ');
        if (space < 0)
        {
            return value;
        }

        var zone = value[(space + 1)..];
        if (Named.TryGetValue(zone, out var offset))
        {
            return string.Concat(value.AsSpan(0, space + 1), offset);
        }

        if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-') && zone.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false)
        {
            var minutes = (int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (minutes > 14 * 60 && invalidZoneAsUtc)
            {
                return string.Concat(value.AsSpan(0, space + 1), "+00:00");
            }

            if (minutes > 14 * 60)
            {
                problem = $"has the zone {zone}, which is not a real UTC offset (at most ±1400)";
                return null;
            }

            return string.Concat(value.AsSpan(0, space + 1), zone.AsSpan(0, 3), ":", zone.AsSpan(3));
        }

        return value;
    }
}
