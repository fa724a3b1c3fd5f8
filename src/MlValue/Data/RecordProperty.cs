using System.Reflection;
using MlValue.Internal;

namespace MlValue.Data;

/// <summary>One public read-write property of a record type, seen as a dataset column.</summary>
internal sealed class RecordProperty
{
    private readonly PropertyInfo _property;
    private Action<object, ContentHasher>? _hashInto;

    public RecordProperty(PropertyInfo property, ColumnKind kind, bool isNullableValue)
    {
        _property = property;
        Kind = kind;
        IsNullableValue = isNullableValue;
        Column = new DatasetColumn(property.Name, ColumnKinds.TypeName(kind), isNullableValue);
        DeclaredColumn = ColumnNames.Declared(property);
    }

    public string Name => _property.Name;

    /// <summary>The column name declared by <c>[ColumnName]</c> or <c>[JsonPropertyName]</c>, if any.</summary>
    public string? DeclaredColumn { get; }

    public PropertyInfo Info => _property;

    public ColumnKind Kind { get; }

    /// <summary>True for <c>Nullable&lt;T&gt;</c> value types (an empty field maps to null).</summary>
    public bool IsNullableValue { get; }

    public Type PropertyType => _property.PropertyType;

    public DatasetColumn Column { get; }

    public object? Get(object record) => _property.GetValue(record);

    public void Set(object record, object? value) => _property.SetValue(record, value);

    /// <summary>Appends this property's value of <paramref name="record"/> to the hash (compiled on first use).</summary>
    public void HashInto(object record, ContentHasher hasher) => (_hashInto ??= RecordAccessors.HashInto(_property, Kind))(record, hasher);
}
