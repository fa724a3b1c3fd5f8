using System.Globalization;

namespace MlValue.Cleaning;

/// <summary>Reads the text of a dictionary/CSV cell as the schema's column type (invariant culture).</summary>
internal static class ValueParser
{
    public static bool TryParse(ColumnType type, string? text, out ColumnValue value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = ColumnValue.Missing;
            return true;
        }

        switch (type)
        {
            case ColumnType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                value = ColumnValue.FromNumber(number);
                return true;
            case ColumnType.Timestamp when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                value = ColumnValue.FromNumber(time.UtcTicks);
                return true;
            case ColumnType.Boolean when bool.TryParse(text, out var flag):
                value = ColumnValue.FromBoolean(flag);
                return true;
            case ColumnType.Categorical or ColumnType.Text:
                value = ColumnValue.FromText(text);
                return true;
            default:
                value = ColumnValue.Missing;
                return false;
        }
    }
}
