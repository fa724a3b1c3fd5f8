using System.Text.Json;

namespace MlValue.Cleaning;

/// <summary>
/// The schema inferred from a reference set: per column its type, range, categories and null rate.
/// Serialises to stable, readable JSON (<see cref="ToJson"/>/<see cref="FromJson"/>) and renders as Markdown.
/// </summary>
public sealed partial class DataSchema
{
    /// <summary>The version of the JSON layout: 1.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The version of the JSON layout this schema was written with.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>How many rows the reference set had.</summary>
    public long Rows { get; init; }

    /// <summary>The most distinct strings a column could have to be inferred as categorical.</summary>
    public int MaxCategories { get; init; }

    /// <summary>The columns, in property declaration order.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; init; } = [];

    /// <summary>The columns left out on purpose (<see cref="CleaningOptions.ExcludedColumns"/>); a batch that has them is not reported for them. Null when none.</summary>
    public IReadOnlyList<string>? ExcludedColumns { get; init; }

    /// <summary>Finds a column by name (ordinal).</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column, or null.</returns>
    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Writes the schema as indented JSON with camelCase names; the same schema always gives the same text.</summary>
    /// <returns>JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, SchemaJsonContext.Default.DataSchema);

    /// <summary>Reads a schema written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="CleaningException">The text is not a schema of a known format version.</exception>
    public static DataSchema FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DataSchema? schema;
        try
        {
            schema = JsonSerializer.Deserialize(json, SchemaJsonContext.Default.DataSchema);
        }
        catch (JsonException error)
        {
            throw new CleaningException(
                $"The schema JSON is not valid at line {error.LineNumber + 1}, position {error.BytePositionInLine + 1} ({error.Path}): {error.Message} " +
                "Write schemas with DataSchema.ToJson() and keep the file unchanged.", error);
        }

        if (schema is null || schema.FormatVersion != CurrentFormatVersion)
        {
            throw new CleaningException(
                $"The schema JSON has format version {schema?.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}; this version of MlValue reads version {CurrentFormatVersion}. Infer the schema again.");
        }

        var unnamed = schema.Columns.FirstOrDefault(c => string.IsNullOrWhiteSpace(c.Name));
        if (unnamed is not null)
        {
            throw new CleaningException("The schema JSON has a column without a name. Every column needs its \"name\".");
        }

        return schema;
    }
}
