using System.Globalization;
using MlValue.Internal;

namespace MlValue.Registry;

/// <summary>
/// The names every registry store accepts: model names, aliases and attachment names are checked
/// before they reach SQL or a file system. A store calls these first, so all stores refuse the same
/// names with the same <see cref="RegistryNameException"/>.
/// </summary>
public static class RegistryNames
{
    /// <summary>The allowed pattern, quoted in every error message (matched to the very end: no trailing newline).</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";

    /// <summary>Returns <paramref name="value"/> when it is an allowed model name.</summary>
    /// <param name="value">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="RegistryNameException">The name does not match <see cref="Pattern"/>.</exception>
    public static string ModelName(string? value) => Check(value, "model name");

    /// <summary>Returns <paramref name="value"/> when it is an allowed alias.</summary>
    /// <param name="value">The alias.</param>
    /// <returns>The alias.</returns>
    /// <exception cref="RegistryNameException">The alias does not match <see cref="Pattern"/>.</exception>
    public static string Alias(string? value) => Check(value, "alias");

    /// <summary>Returns <paramref name="value"/> when it is an allowed attachment name.</summary>
    /// <param name="value">The attachment name.</param>
    /// <returns>The attachment name.</returns>
    /// <exception cref="RegistryNameException">The name does not match <see cref="Pattern"/>.</exception>
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
