using System.Reflection;
using MlValue.Internal;

namespace MlValue.Data;

/// <summary>One column of a record type's <see cref="RecordColumns"/>: a public read-write property.</summary>
public sealed class RecordColumn
{
    private readonly PropertyInfo _property;
    private Action<object, DatasetHasher>? _hashInto;

    internal RecordColumn(PropertyInfo property, ColumnKind kind, bool isNullable)
    {
        _property = property;
        Kind = kind;
        IsNullable = isNullable;
        Column = new DatasetColumn(property.Name, ColumnKinds.TypeName(kind), isNullable);
        DeclaredColumn = ColumnNames.Declared(property);
    }

    /// <summary>The property name, which is also the column's name in the dataset schema.</summary>
    public string Name => _property.Name;

    /// <summary>The column name declared by <c>[ColumnName]</c> or <c>[JsonPropertyName]</c>, if any.</summary>
    public string? DeclaredColumn { get; }

    /// <summary>The property.</summary>
    public PropertyInfo Property => _property;

    /// <summary>The kind of value the column holds.</summary>
    public ColumnKind Kind { get; }

    /// <summary>True for <c>Nullable&lt;T&gt;</c> value types (an empty field maps to null). Strings may always hold null.</summary>
    public bool IsNullable { get; }

    /// <summary>The property's type.</summary>
    public Type PropertyType => _property.PropertyType;

    /// <summary>The column as it appears in the dataset schema.</summary>
    public DatasetColumn Column { get; }

    /// <summary>Reads the column's value of a record.</summary>
    /// <param name="record">A record of the type.</param>
    /// <returns>The value, boxed.</returns>
    public object? GetValue(object record) => _property.GetValue(record);

    /// <summary>Sets the column's value of a record.</summary>
    /// <param name="record">A record of the type.</param>
    /// <param name="value">The value, of the property's type.</param>
    public void SetValue(object record, object? value) => _property.SetValue(record, value);

    /// <summary>Appends this property's value of <paramref name="record"/> to the hash (compiled on first use).</summary>
    internal void HashInto(object record, DatasetHasher hasher) => (_hashInto ??= RecordAccessors.HashInto(_property, Kind))(record, hasher);
}
