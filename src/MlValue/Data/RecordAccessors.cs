using System.Linq.Expressions;
using System.Reflection;

namespace MlValue.Data;

/// <summary>
/// Compiled accessors of a record type for the per-row work of <c>Dataset.FromRecords</c>: hashing a property's
/// value through the typed <see cref="DatasetHasher"/> method (no reflection call, no boxing) and copying a record.
/// </summary>
internal static class RecordAccessors
{
    public static Action<object, DatasetHasher> HashInto(PropertyInfo property, ColumnKind kind)
    {
        var record = Expression.Parameter(typeof(object), "record");
        var hasher = Expression.Parameter(typeof(DatasetHasher), "hasher");
        Expression value = Expression.Property(Expression.Convert(record, property.DeclaringType!), property);
        var method = kind switch
        {
            ColumnKind.String => nameof(DatasetHasher.AppendString),
            ColumnKind.Boolean => nameof(DatasetHasher.AppendBoolean),
            ColumnKind.Int32 => nameof(DatasetHasher.AppendInt32Value),
            ColumnKind.Int64 => nameof(DatasetHasher.AppendInt64Value),
            ColumnKind.Single => nameof(DatasetHasher.AppendSingle),
            ColumnKind.Double => nameof(DatasetHasher.AppendDouble),
            ColumnKind.Decimal => nameof(DatasetHasher.AppendDecimal),
            ColumnKind.DateTime => nameof(DatasetHasher.AppendDateTime),
            ColumnKind.DateTimeOffset => nameof(DatasetHasher.AppendDateTimeOffset),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
        };
        var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var append = typeof(DatasetHasher).GetMethod(method, [valueType])!;
        Expression body;
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            var local = Expression.Variable(property.PropertyType, "value");
            body = Expression.Block(
                [local],
                Expression.Assign(local, value),
                Expression.IfThenElse(
                    Expression.Property(local, "HasValue"),
                    Expression.Call(hasher, append, Expression.Property(local, "Value")),
                    Expression.Call(hasher, nameof(DatasetHasher.AppendNull), Type.EmptyTypes)));
        }
        else
        {
            // Strings: AppendString(string) writes the null marker itself.
            body = Expression.Call(hasher, append, value);
        }

        return Expression.Lambda<Action<object, DatasetHasher>>(body, record, hasher).Compile();
    }

    public static Func<object, object> Copier(Type type, IReadOnlyList<RecordColumn> properties)
    {
        var record = Expression.Parameter(typeof(object), "record");
        var source = Expression.Variable(type, "source");
        var bindings = properties.Select(p => Expression.Bind(p.Property, Expression.Property(source, p.Property)));
        var body = Expression.Block(
            [source],
            Expression.Assign(source, Expression.Convert(record, type)),
            Expression.Convert(Expression.MemberInit(Expression.New(type), bindings), typeof(object)));
        return Expression.Lambda<Func<object, object>>(body, record).Compile();
    }
}
