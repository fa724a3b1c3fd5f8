using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using System.Runtime.InteropServices;

namespace MlValue.Data;

/// <summary>Maps one JSON object to a record by property name (case-insensitive); the first problem becomes the reason.</summary>
internal static class JsonRecordReader
{
    public static (object? Record, string? Column, string? Reason) Read(ReadOnlyMemory<byte> line, RecordColumns shape, DataOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return (null, null, $"malformed JSON: {e.Message}");
        }

        var invalid = Utf8Text.FirstInvalid(line.Span);
        if (invalid >= 0)
        {
            using (document)
            {
                return (null, InvalidMember(document, shape), Utf8Text.Reason(line.Span, invalid, "the line"));
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, $"expected a JSON object, found {document.RootElement.ValueKind}; write one object per line");
            }

            var record = Activator.CreateInstance(shape.Type)!;
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var property = shape.Find(member.Name);
                if (property is null)
                {
                    if (options.UnknownColumns == UnknownColumnHandling.Report)
                    {
                        return (null, member.Name, $"unknown column: '{shape.Type.Name}' has no property '{member.Name}'; add one, or set MlValue:Data:UnknownColumns to Ignore");
                    }

                    continue;
                }

                string? reason;
                object? value;
                try
                {
                    reason = Convert(member.Value, property, options, out value);
                }
                catch (InvalidOperationException e)
                {
                    // System.Text.Json cannot give the string as text (an escaped lone surrogate, for example).
                    return (null, property.Name, $"the value cannot be read as text ({e.Message}); write valid UTF-8 and escapes of whole characters");
                }

                if (reason is not null)
                {
                    return (null, property.Name, reason);
                }

                property.SetValue(record, value);
            }

            return (record, null, null);
        }
    }

    private static string? Convert(JsonElement element, RecordColumn property, DataOptions options, out object? value)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return property.Kind == ColumnKind.String || property.IsNullable ? null : $"null is not allowed in a column of type {property.Column.Type}; make the property nullable or fill the value";
            case JsonValueKind.String when property.Kind == ColumnKind.String:
                var text = element.GetString()!;
                value = text;
                return ValueParser.CheckLength(text, options);
            case JsonValueKind.String when IsNumber(property.Kind):
                var number = element.GetString()!;
                return options.AllowNumbersAsStrings || (property.Kind is ColumnKind.Single or ColumnKind.Double && number is "NaN" or "Infinity" or "-Infinity")
                    ? ValueParser.TryParse(number, property, options, out value)
                    : $"wrong type: expected {property.Column.Type}, found a JSON string; write the number without quotes, or set MlValue:Data:AllowNumbersAsStrings to true";
            case JsonValueKind.String:
                return ValueParser.TryParse(element.GetString()!, property, options, out value);
            case JsonValueKind.Number when IsNumber(property.Kind):
                return ValueParser.TryParse(element.GetRawText(), property, options, out value);
            case JsonValueKind.True or JsonValueKind.False when property.Kind == ColumnKind.Boolean:
                value = element.GetBoolean();
                return null;
            default:
                return string.Create(CultureInfo.InvariantCulture, $"wrong type: expected {property.Column.Type}, found JSON {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static bool IsNumber(ColumnKind kind) => kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Single or ColumnKind.Double or ColumnKind.Decimal;

    /// <summary>The property (or unknown member) whose name or value holds the invalid UTF-8, or null when it is not in one.</summary>
    private static string? InvalidMember(JsonDocument document, RecordColumns shape)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (!Utf8.IsValid(JsonMarshal.GetRawUtf8PropertyName(member)))
            {
                return null;
            }

            if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(member.Value)))
            {
                return shape.Find(member.Name)?.Name ?? member.Name;
            }
        }

        return null;
    }
}
