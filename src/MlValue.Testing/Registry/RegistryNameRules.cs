using System.Globalization;
using System.Text;
using MlValue.Registry;

namespace MlValue.Testing.Registry;

/// <summary>
/// The registry's name rule as its public contract states it (see <see cref="RegistryNameException"/>):
/// a letter or digit, then up to 127 ASCII letters, digits, '.', '_' or '-'.
/// </summary>
internal static class RegistryNameRules
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";

    public static string ModelName(string? value) => Check(value, "model name");

    public static string Alias(string? value) => Check(value, "alias");

    public static string AttachmentName(string? value) => Check(value, "attachment name");

    public static bool IsValid(string? value)
        => !string.IsNullOrEmpty(value)
            && value.Length <= 128
            && char.IsAsciiLetterOrDigit(value[0])
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string Check(string? value, string kind)
        => IsValid(value)
            ? value!
            : throw new RegistryNameException(string.Create(CultureInfo.InvariantCulture, $"The {kind} {Visible(value)} is not allowed: it must match {Pattern} (no path separators, no '..', no control characters). Rename it to fit the pattern."));

    private static string Visible(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var shown = new StringBuilder("'");
        foreach (var c in value.Length > 140 ? value[..140] : value)
        {
            _ = c is >= ' ' and <= '~' ? shown.Append(c) : shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return shown.Append('\'').ToString();
    }
}
