namespace MlValue.Data;

/// <summary>The value kinds a dataset column can hold; each has one canonical encoding in the content id.</summary>
public enum ColumnKind
{
    /// <summary>Text (<see langword="string"/>), schema type <c>string</c>.</summary>
    String,

    /// <summary><see langword="bool"/>, schema type <c>bool</c>.</summary>
    Boolean,

    /// <summary><see langword="int"/>, schema type <c>int32</c>.</summary>
    Int32,

    /// <summary><see langword="long"/>, schema type <c>int64</c>.</summary>
    Int64,

    /// <summary><see langword="float"/>, schema type <c>float32</c>.</summary>
    Single,

    /// <summary><see langword="double"/>, schema type <c>float64</c>.</summary>
    Double,

    /// <summary><see langword="decimal"/>, schema type <c>decimal</c>.</summary>
    Decimal,

    /// <summary><see cref="System.DateTime"/>, schema type <c>datetime</c>.</summary>
    DateTime,

    /// <summary><see cref="System.DateTimeOffset"/>, schema type <c>datetimeoffset</c>.</summary>
    DateTimeOffset,
}
