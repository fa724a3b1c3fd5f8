using System.Globalization;

namespace MlValue.Data;

/// <summary>Converts a text field to the type of a record property, invariant culture, with a teaching reason on failure.</summary>
internal static class ValueParser
{
    public static string? TryParse(string text, RecordColumn property, DataOptions options, out object? value)
    {
        value = null;
        var c = CultureInfo.InvariantCulture;
        if (property.Kind == ColumnKind.String)
        {
            value = text;
            return CheckLength(text, options);
        }

        if (text.Length == 0)
        {
            return property.IsNullable ? null : $"empty value in a column of type {property.Column.Type}; make the property nullable ({property.Column.Type}?) or fill the value";
        }

        if (text.Length > 100)
        {
            return $"{text.Length} characters is too long for a value of type {property.Column.Type}";
        }

        switch (property.Kind)
        {
            case ColumnKind.Boolean when bool.TryParse(text, out var b): value = b; return null;
            case ColumnKind.Int32 when int.TryParse(text, NumberStyles.Integer, c, out var i): value = i; return null;
            case ColumnKind.Int64 when long.TryParse(text, NumberStyles.Integer, c, out var l): value = l; return null;
            case ColumnKind.Decimal when decimal.TryParse(text, NumberStyles.Number, c, out var m): value = m; return null;
            case ColumnKind.Single when float.TryParse(text, NumberStyles.Float, c, out var f): value = f; return CheckFinite(double.IsFinite(f), text, options);
            case ColumnKind.Double when double.TryParse(text, NumberStyles.Float, c, out var d): value = d; return CheckFinite(double.IsFinite(d), text, options);
            case ColumnKind.DateTime when DateTime.TryParse(text, c, DateTimeStyles.RoundtripKind, out var t): value = t; return null;
            case ColumnKind.DateTimeOffset when DateTimeOffset.TryParse(text, c, DateTimeStyles.AssumeUniversal, out var o): value = o; return null;
            case ColumnKind.DateTime or ColumnKind.DateTimeOffset:
                return $"'{Excerpt(text)}' is not a date; write dates in ISO 8601, for example 2024-01-31T12:00:00Z";
            default:
                return $"'{Excerpt(text)}' is not a valid {property.Column.Type} value (invariant culture, '.' as decimal point)";
        }
    }

    public static string? CheckLength(string text, DataOptions options)
        => text.Length > options.MaxFieldLength
            ? string.Create(CultureInfo.InvariantCulture, $"field of {text.Length} characters is longer than MaxFieldLength ({options.MaxFieldLength}); shorten it or raise MlValue:Data:MaxFieldLength")
            : null;

    public static string? CheckFinite(bool finite, string text, DataOptions options)
        => finite || options.AllowNonFiniteNumbers ? null : $"'{Excerpt(text)}' is not a finite number; NaN and Infinity are not allowed unless MlValue:Data:AllowNonFiniteNumbers is true";

    public static string Excerpt(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
