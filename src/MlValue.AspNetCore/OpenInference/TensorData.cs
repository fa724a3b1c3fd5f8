using System.Globalization;
using System.Text.Json;
using MlValue.AspNetCore.Internal;

namespace MlValue.AspNetCore.OpenInference;

/// <summary>Writes an output tensor: shape <c>[n]</c> (or <c>[n, k]</c> for a vector per record) and its data flat in row-major order.</summary>
internal static class TensorData
{
    public static void WriteOutput(Utf8JsonWriter writer, OutputTensor tensor, object?[] rows)
    {
        var width = 0;
        if (tensor.IsVector)
        {
            width = rows.Length == 0 ? 0 : ((Array?)rows[0])?.Length ?? 0;
            if (rows.Any(r => (((Array?)r)?.Length ?? 0) != width))
            {
                throw new RequestRejectedException(StatusCodes.Status500InternalServerError, "Ragged output", $"The output '{tensor.Name}' has vectors of different lengths across the records, which one tensor cannot hold; ask for the other outputs.");
            }
        }

        writer.WriteStartObject();
        writer.WriteString("name", tensor.Name);
        writer.WriteString("datatype", tensor.Datatype);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(rows.Length);
        if (tensor.IsVector)
        {
            writer.WriteNumberValue(width);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        foreach (var row in rows)
        {
            if (tensor.IsVector)
            {
                foreach (var item in (Array?)row ?? Array.Empty<float>())
                {
                    Value(writer, item);
                }
            }
            else
            {
                Value(writer, row);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteStringValue(string.Empty);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
