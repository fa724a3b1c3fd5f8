using System.Globalization;

namespace MlValue.Internal;

/// <summary>Small pieces of the Markdown every report writes, the same in every package.</summary>
internal static class MarkdownText
{
    /// <summary>The placeholder for "none" in every report and snapshot.</summary>
    public const string None = "-";

    /// <summary>A table cell: pipes escaped, line breaks folded, <see cref="None"/> for none.</summary>
    public static string Cell(string? value)
        => value is null ? None : value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>A time as ISO 8601 UTC to the second.</summary>
    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
