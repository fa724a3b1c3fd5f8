using System.Linq.Expressions;
using System.Reflection;

namespace MlValue.Cleaning;

/// <summary>The readable columns of a record type (a <see cref="DateTime"/> is taken as UTC whatever its kind), each compiled once into a getter that returns a <see cref="ColumnValue"/>.</summary>
internal sealed class ColumnReader<T>
{
    private static readonly Lazy<ColumnReader<T>> Cached = new(() => new ColumnReader<T>());

    private ColumnReader()
    {
        var columns = new List<(string, ColumnType, Func<T, ColumnValue>)>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.GetIndexParameters().Length > 0 || TypeOf(property.PropertyType) is not { } type)
            {
                continue;
            }

            columns.Add((property.Name, type, Compile(property)));
        }

        Columns = columns;
    }

    public static ColumnReader<T> Instance => Cached.Value;

    /// <summary>The columns, in declaration order; types are Number, Boolean, Timestamp or Text (strings, enums, chars, GUIDs).</summary>
    public IReadOnlyList<(string Name, ColumnType Type, Func<T, ColumnValue> Read)> Columns { get; }

    public static ColumnType? TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool))
        {
            return ColumnType.Boolean;
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return ColumnType.Timestamp;
        }

        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type.IsEnum)
        {
            return ColumnType.Text;
        }

        return Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal ? ColumnType.Number : null;
    }

    private static Func<T, ColumnValue> Compile(PropertyInfo property)
    {
        var record = Expression.Parameter(typeof(T), "record");
        Expression value = Expression.Property(record, property);
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        Expression body;
        if (underlying is not null)
        {
            var inner = Convert(Expression.Property(value, "Value"), underlying);
            body = Expression.Condition(Expression.Property(value, "HasValue"), inner, Expression.Property(null, typeof(ColumnValue), nameof(ColumnValue.Missing)));
        }
        else
        {
            body = Convert(value, property.PropertyType);
        }

        var guarded = typeof(T).IsValueType
            ? body
            : Expression.Condition(Expression.Equal(record, Expression.Constant(null, typeof(T))), Expression.Property(null, typeof(ColumnValue), nameof(ColumnValue.Missing)), body);
        return Expression.Lambda<Func<T, ColumnValue>>(guarded, record).Compile();
    }

    private static MethodCallExpression Convert(Expression value, Type type)
    {
        if (type == typeof(bool))
        {
            return Expression.Call(typeof(ColumnValue), nameof(ColumnValue.FromBoolean), null, value);
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            var ticks = type == typeof(DateTime)
                ? Expression.Property(value, nameof(DateTime.Ticks))
                : Expression.Property(value, nameof(DateTimeOffset.UtcTicks));
            return Expression.Call(typeof(ColumnValue), nameof(ColumnValue.FromNumber), null, Expression.Convert(ticks, typeof(double)));
        }

        if (type == typeof(string))
        {
            return Expression.Call(typeof(ColumnValue), nameof(ColumnValue.FromText), null, value);
        }

        if (type == typeof(char) || type == typeof(Guid) || type.IsEnum)
        {
            var text = Expression.Call(Expression.Convert(value, typeof(object)), typeof(object).GetMethod(nameof(ToString), Type.EmptyTypes)!);
            return Expression.Call(typeof(ColumnValue), nameof(ColumnValue.FromText), null, text);
        }

        return Expression.Call(typeof(ColumnValue), nameof(ColumnValue.FromNumber), null, Expression.Convert(value, typeof(double)));
    }
}
