using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.AspNetCore.Internal;

/// <summary>The JSON name of a property under the app's serializer options: its <c>[JsonPropertyName]</c>, else the naming policy's.</summary>
internal static class JsonNames
{
    public static string Of(PropertyInfo property, JsonSerializerOptions options)
        => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? options.PropertyNamingPolicy?.ConvertName(property.Name)
            ?? property.Name;
}
