using System.Globalization;
using System.Text;

namespace MlValue.Internal;

/// <summary>
/// The one validator of names that become file names or keys (models, aliases, attachments, monitors,
/// loops, steps, data sources): ASCII letters, digits, '.', '_' and '-' only, up to a length. That one
/// rule rejects traversal (<c>..</c> needs a separator to escape), separators, absolute paths, NUL and
/// control characters, a trailing newline, zero-width, right-to-left and look-alike (non-ASCII) characters.
/// </summary>
internal static class SafeName
{
    /// <summary>Whether <paramref name="value"/> is a safe name of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="value">The name.</param>
    /// <param name="maxLength">The longest allowed.</param>
    /// <param name="letterOrDigitFirst">Whether it must start with a letter or digit (else anything allowed but '.').</param>
    public static bool IsValid(string? value, int maxLength, bool letterOrDigitFirst)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            return false;
        }

        if (letterOrDigitFirst ? !char.IsAsciiLetterOrDigit(value[0]) : value[0] == '.')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value as an error message shows it: quoted, cut at 140 characters, anything outside printable ASCII as <c>\uXXXX</c>.</summary>
    public static string Visible(string? value)
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

        return shown.Append(value.Length > 140 ? "…' (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)" : "'").ToString();
    }
}
