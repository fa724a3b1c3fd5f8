using System.Text.Json.Serialization;

namespace MlValue.Cleaning;

/// <summary>Source-generated JSON for <see cref="DataSchema"/>: indented, camelCase, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DataSchema))]
internal sealed partial class SchemaJsonContext : JsonSerializerContext
{
}
