using System.Reflection;

namespace MlValue.Internal;

/// <summary>
/// How a column in a file or a row maps to a property, the same in every stage: by the name a
/// column attribute declares (ML.NET's <c>[ColumnName]</c>, System.Text.Json's
/// <c>[JsonPropertyName]</c>), then by the property's name, both ignoring case and the separators
/// <c>_</c>, <c>-</c>, <c>.</c> and space, so <c>temp_max</c>, <c>Temp-Max</c> and <c>TempMax</c> are one column.
/// </summary>
internal static class ColumnNames
{
    /// <summary>The key two names share when they name the same column.</summary>
    public static string Key(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name.AsSpan().Trim())
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>The column name a property declares through an attribute, or null.</summary>
    public static string? Declared(PropertyInfo property)
    {
        foreach (var attribute in property.CustomAttributes)
        {
            var type = attribute.AttributeType.FullName;
            if (type is "Microsoft.ML.Data.ColumnNameAttribute" or "System.Text.Json.Serialization.JsonPropertyNameAttribute"
                && attribute.ConstructorArguments is [{ Value: string name }]
                && !string.IsNullOrWhiteSpace(name))
            {
                return name;
            }
        }

        return null;
    }
}
