using System.Globalization;
using MlValue.Internal;

namespace MlValue.Registry;

/// <summary>Validates model names, aliases and attachment names (with <see cref="SafeName"/>) before they reach SQL or the file system.</summary>
internal static class RegistryNames
{
    /// <summary>The allowed pattern, quoted in every error message (matched to the very end: no trailing newline).</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";

    public static string ModelName(string? value) => Check(value, "model name");

    public static string Alias(string? value) => Check(value, "alias");

    public static string AttachmentName(string? value) => Check(value, "attachment name");

    private static string Check(string? value, string kind)
    {
        if (SafeName.IsValid(value, 128, letterOrDigitFirst: true))
        {
            return value!;
        }

        throw new RegistryNameException(string.Create(
            CultureInfo.InvariantCulture,
            $"The {kind} {SafeName.Visible(value)} is not allowed: it must match {Pattern} (a letter or digit, then up to 127 letters, digits, '.', '_' or '-'; no path separators, no '..', no control characters). Rename it to fit the pattern."));
    }
}
