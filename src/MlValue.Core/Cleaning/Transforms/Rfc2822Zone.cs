namespace MlValue.Cleaning.Transforms;

/// <summary>Turns the zone of an RFC 2822 date into the <c>+hh:mm</c> form that .NET's <c>zzz</c> reads.</summary>
internal static class Rfc2822Zone
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    public static string Prepare(string text)
    {
        var value = text.Trim();
        var comment = value.IndexOf('(', StringComparison.Ordinal);
        if (comment > 0)
        {
            value = value[..comment].TrimEnd();
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
            return string.Concat(value.AsSpan(0, space + 1), zone.AsSpan(0, 3), ":", zone.AsSpan(3));
        }

        return value;
    }
}
