namespace MlValue.Data;

/// <summary>One column of a dataset schema.</summary>
/// <param name="Name">The column (property) name.</param>
/// <param name="Type">The canonical type: <c>string</c>, <c>bool</c>, <c>int32</c>, <c>int64</c>, <c>float32</c>, <c>float64</c>, <c>decimal</c>, <c>datetime</c> or <c>datetimeoffset</c>.</param>
/// <param name="IsNullable">True for nullable value types (<c>int?</c>, <c>DateTime?</c>, ...). String columns may always hold null.</param>
public sealed record DatasetColumn(string Name, string Type, bool IsNullable);
