namespace MlValue.Data;

/// <summary>One column of a dataset schema.</summary>
/// <param name="Name">The column (property) name.</param>
/// <param name="Type">The canonical type: <c>string</c>, <c>bool</c>, <c>int32</c>, <c>int64</c>, <c>float32</c>, <c>float64</c>, <c>decimal</c>, <c>datetime</c> or <c>datetimeoffset</c>.</param>
/// <param name="IsNullable">True for nullable value types (<c>int?</c>, <c>DateTime?</c>, ...). String columns may always hold null.</param>
public sealed record DatasetColumn(string Name, string Type, bool IsNullable)
{
    /// <summary>Creates the column of a name and a kind, with the kind's canonical type name.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="kind">The kind of value it holds.</param>
    /// <param name="isNullable">True for a nullable value type.</param>
    /// <returns>The column.</returns>
    public static DatasetColumn Of(string name, ColumnKind kind, bool isNullable = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new DatasetColumn(name, TypeName(kind), isNullable);
    }

    /// <summary>The canonical type name of a kind, as written in schemas and hashed into dataset ids.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><c>string</c>, <c>bool</c>, <c>int32</c>, <c>int64</c>, <c>float32</c>, <c>float64</c>, <c>decimal</c>, <c>datetime</c> or <c>datetimeoffset</c>.</returns>
    public static string TypeName(ColumnKind kind) => kind switch
    {
        ColumnKind.String => "string",
        ColumnKind.Boolean => "bool",
        ColumnKind.Int32 => "int32",
        ColumnKind.Int64 => "int64",
        ColumnKind.Single => "float32",
        ColumnKind.Double => "float64",
        ColumnKind.Decimal => "decimal",
        ColumnKind.DateTime => "datetime",
        ColumnKind.DateTimeOffset => "datetimeoffset",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };
}
