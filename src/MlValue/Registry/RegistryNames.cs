using System.Globalization;
using System.Text.RegularExpressions;

namespace MlValue.Registry;

/// <summary>Validates model names, aliases and attachment names before they reach SQL or the file system.</summary>
internal static partial class RegistryNames
{
    /// <summary>The allowed pattern, quoted in every error message (matched to the very end: no trailing newline).</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";

    public static string ModelName(string? value) => Check(value, "model name");

    public static string Alias(string? value) => Check(value, "alias");

    public static string AttachmentName(string? value) => Check(value, "attachment name");

    private static string Check(string? value, string kind)
    {
        if (value is not null && Allowed().IsMatch(value))
        {
            return value;
        }

        var shown = value is null ? "(null)" : "'" + Visible(value) + "'";
        throw new RegistryNameException(string.Create(
            CultureInfo.InvariantCulture,
            $"The {kind} {shown} is not allowed: it must match {Pattern} (a letter or digit, then up to 127 letters, digits, '.', '_' or '-'; no path separators, no '..', no control characters). Rename it to fit the pattern."));
    }

    private static string Visible(string value)
    {
        var shown = value.Length > 140 ? value[..140] + "…" : value;
        return Regex.Replace(shown, @"\p{Cc}", m => "\\u" + ((int)m.Value[0]).ToString("x4", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Allowed();
}
