namespace MlValue.Data;

/// <summary>The value kinds a dataset column can hold; each has one canonical encoding in the content hash.</summary>
internal enum ColumnKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
}

internal static class ColumnKinds
{
    public const string Supported = "string, bool, int, long, float, double, decimal, DateTime or DateTimeOffset (value types may be nullable)";

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

    public static ColumnKind? Of(Type type)
    {
        if (type == typeof(string)) return ColumnKind.String;
        if (type == typeof(bool)) return ColumnKind.Boolean;
        if (type == typeof(int)) return ColumnKind.Int32;
        if (type == typeof(long)) return ColumnKind.Int64;
        if (type == typeof(float)) return ColumnKind.Single;
        if (type == typeof(double)) return ColumnKind.Double;
        if (type == typeof(decimal)) return ColumnKind.Decimal;
        if (type == typeof(DateTime)) return ColumnKind.DateTime;
        if (type == typeof(DateTimeOffset)) return ColumnKind.DateTimeOffset;
        return null;
    }
}
