using System.Globalization;
using System.Text.Json;

namespace MlValue.Data;

/// <summary>Maps one JSON object to a record by property name (case-insensitive); the first problem becomes the reason.</summary>
internal static class JsonRecordReader
{
    public static (object? Record, string? Column, string? Reason) Read(ReadOnlyMemory<byte> line, RecordShape shape, DataOptions options)
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

                var reason = Convert(member.Value, property, options, out var value);
                if (reason is not null)
                {
                    return (null, property.Name, reason);
                }

                property.Set(record, value);
            }

            return (record, null, null);
        }
    }

    private static string? Convert(JsonElement element, RecordProperty property, DataOptions options, out object? value)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return property.Kind == ColumnKind.String || property.IsNullableValue ? null : $"null is not allowed in a column of type {property.Column.Type}; make the property nullable or fill the value";
            case JsonValueKind.String when property.Kind == ColumnKind.String:
                var text = element.GetString()!;
                value = text;
                return ValueParser.CheckLength(text, options);
            case JsonValueKind.String:
                return ValueParser.TryParse(element.GetString()!, property, options, out value);
            case JsonValueKind.Number when property.Kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Single or ColumnKind.Double or ColumnKind.Decimal:
                return ValueParser.TryParse(element.GetRawText(), property, options, out value);
            case JsonValueKind.True or JsonValueKind.False when property.Kind == ColumnKind.Boolean:
                value = element.GetBoolean();
                return null;
            default:
                return string.Create(CultureInfo.InvariantCulture, $"wrong type: expected {property.Column.Type}, found JSON {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }
}
