using System.Text.Json;
using MlValue.AspNetCore.Internal;
using MlValue.AspNetCore.OpenInference;
using MlValue.Data;

namespace MlValue.AspNetCore.Http;

/// <summary>
/// Reads a <typeparamref name="TIn"/> from a JSON object with the app's serializer options, after checking that every
/// column that cannot be empty is present and not null, so a missing or wrongly typed field is named in the answer.
/// </summary>
internal sealed class TypedInputReader<TIn>
    where TIn : class
{
    private readonly JsonSerializerOptions _json;
    private readonly (string Name, string Expected)[] _required;
    private readonly string _fields;
    private readonly Dictionary<string, string> _expected;
    private readonly StringComparison _comparison;

    public TypedInputReader(TensorSchema schema, JsonSerializerOptions json)
    {
        _json = json;
        _comparison = json.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var fields = schema.Columns.Columns.Select(c => (Name: JsonNames.Of(c.Property, json), Expected: Expected(c.Kind), Required: !TensorSchema.AcceptsNull(c))).ToArray();
        _expected = fields.ToDictionary(f => f.Name, f => f.Expected, json.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        _required = [.. fields.Where(f => f.Required).Select(f => (f.Name, f.Expected))];
        _fields = string.Join(", ", fields.Select(f => $"'{f.Name}' ({f.Expected}{(f.Required ? string.Empty : ", optional")})"));
    }

    public TIn Read(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RequestRejectedException.BadRequest($"{where} must be a JSON object with the fields {_fields}; it is {Kind(element.ValueKind)}.");
        }

        foreach (var (name, expected) in _required)
        {
            if (Find(element, name) is not { } value)
            {
                throw RequestRejectedException.BadRequest($"The field '{name}' is missing in {where}; it is required ({expected}). The fields are {_fields}.");
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                throw RequestRejectedException.BadRequest($"The field '{name}' in {where} is null; it is required ({expected}).");
            }
        }

        try
        {
            return element.Deserialize<TIn>(_json)
                ?? throw RequestRejectedException.BadRequest($"{where} is null; send a JSON object with the fields {_fields}.");
        }
        catch (JsonException error)
        {
            var field = error.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : error.Path ?? "?";
            var expected = _expected.TryGetValue(field, out var kind) ? ", expected " + kind : string.Empty;
            throw RequestRejectedException.BadRequest($"The field '{field}' in {where} has the wrong type{expected}: {error.Message}");
        }
    }

    private JsonElement? Find(JsonElement element, string name)
    {
        // The name as the app's options write it, looked up without allocating; a scan (each property's name
        // decoded) only when the options also accept other casings and the exact name is absent.
        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        if (_comparison == StringComparison.Ordinal)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, _comparison))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string Expected(ColumnKind kind) => kind switch
    {
        ColumnKind.String => "a string",
        ColumnKind.Boolean => "true or false",
        ColumnKind.Int32 or ColumnKind.Int64 => "a whole number",
        ColumnKind.DateTime or ColumnKind.DateTimeOffset => "an ISO 8601 date-time string",
        _ => "a number",
    };

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "not an object",
    };
}
