using System.Globalization;
using System.Text;

namespace MlValue.Cleaning;

/// <summary>Abbreviates values for reasons and escapes text for Markdown tables.</summary>
internal static class ValueText
{
    public const int MaxValueLength = 40;

    /// <summary>Quotes a value, shows control characters, and cuts it to <see cref="MaxValueLength"/> characters.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxValueLength) + 24);
        builder.Append('"');
        var shown = 0;
        foreach (var c in value)
        {
            if (shown == MaxValueLength)
            {
                break;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
            shown++;
        }

        builder.Append('"');
        if (value.Length > MaxValueLength)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({value.Length} chars)");
        }

        return builder.ToString();
    }

    /// <summary>Formats a number the same way on every machine.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };

    /// <summary>Formats a share as a percentage.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>Escapes a cell of a Markdown table.</summary>
    public static string Cell(string? text)
        => string.IsNullOrEmpty(text) ? string.Empty : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
}
