namespace MlValue.Data;

internal static class ColumnKinds
{
    public const string Supported = "string, bool, int, long, float, double, decimal, DateTime or DateTimeOffset (value types may be nullable)";

    public static string TypeName(ColumnKind kind) => DatasetColumn.TypeName(kind);

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
