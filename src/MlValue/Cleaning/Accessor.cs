using System.Linq.Expressions;
using System.Reflection;

namespace MlValue.Cleaning;

/// <summary>Compiles a property expression once into a getter (and a setter when the property is writable).</summary>
internal static class Accessor
{
    public static (string Name, Func<T, TValue> Get) Getter<T, TValue>(Expression<Func<T, TValue>> expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Body is MemberExpression { Member: PropertyInfo { GetMethod: { IsStatic: false } getter } property } member
            && member.Expression == expression.Parameters[0] && property.PropertyType == typeof(TValue) && typeof(T).IsClass)
        {
            // An open-instance delegate over the getter: as fast as a direct call, and needs no dynamic code.
            return (property.Name, getter.CreateDelegate<Func<T, TValue>>());
        }

        return (NameOf(expression), expression.Compile());
    }

    public static Action<T, TValue> Setter<T, TValue>(Expression<Func<T, TValue>> expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Body is MemberExpression { Member: PropertyInfo { CanWrite: true } or FieldInfo { IsInitOnly: false } } member
            && member.Expression == expression.Parameters[0])
        {
            if (member.Member is PropertyInfo { SetMethod: { IsStatic: false } setter } property && property.PropertyType == typeof(TValue) && typeof(T).IsClass)
            {
                return setter.CreateDelegate<Action<T, TValue>>();
            }

            var value = Expression.Parameter(typeof(TValue), "value");
            var assign = Expression.Assign(member, value);
            return Expression.Lambda<Action<T, TValue>>(assign, expression.Parameters[0], value).Compile();
        }

        throw new CleaningException(
            $"A transform on {typeof(T).Name} needs a writable property such as 'x => x.Body', but got '{expression}'. " +
            "Make the property settable, or write a custom transform with Transform(name, ...).");
    }

    private static string NameOf<T, TValue>(Expression<Func<T, TValue>> expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        return body is MemberExpression member ? member.Member.Name : expression.Body.ToString();
    }
}
