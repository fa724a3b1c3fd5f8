using System.Text;

namespace MlValue.Cleaning.Transforms;

/// <summary>Text fixes that return the same string instance when nothing needs fixing (no allocation).</summary>
internal static class TextFixes
{
    public static string? Trim(string? value) => value?.Trim();

    /// <summary>Unicode NFC, every run of whitespace collapsed to one space, trimmed.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            value = value.Normalize(NormalizationForm.FormC);
        }

        return NeedsCollapse(value) ? Collapse(value) : value;
    }

    private static bool NeedsCollapse(string value)
    {
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            return true;
        }

        var previousSpace = false;
        foreach (var c in value)
        {
            var space = char.IsWhiteSpace(c);
            if (space && (previousSpace || c != ' '))
            {
                return true;
            }

            previousSpace = space;
        }

        return false;
    }

    private static string Collapse(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
