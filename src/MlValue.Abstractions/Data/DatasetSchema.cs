namespace MlValue.Data;

/// <summary>The columns of a dataset, ordered by name (ordinal); part of the content-addressed id.</summary>
public sealed class DatasetSchema
{
    /// <summary>Creates a schema from its columns, in order.</summary>
    /// <param name="columns">The columns.</param>
    public DatasetSchema(IReadOnlyList<DatasetColumn> columns) => Columns = columns;

    /// <summary>The columns, ordered by name (ordinal).</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Columns.Select(c => $"{c.Name}: {c.Type}{(c.IsNullable ? "?" : string.Empty)}"));
}
