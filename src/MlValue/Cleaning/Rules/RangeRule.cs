using System.Globalization;
using System.Numerics;

namespace MlValue.Cleaning.Rules;

internal sealed class RangeRule<T, TValue>(string name, string member, Func<T, TValue> get, TValue min, TValue max)
    : RecordRule<T>(name, "range")
    where T : class
    where TValue : struct, INumber<TValue>
{
    public override bool Passes(T record)
    {
        var value = get(record);
        return value >= min && value <= max;
    }

    public override string Reason(T record)
    {
        var value = get(record);
        if (TValue.IsNaN(value))
        {
            return $"{member} is NaN (not a number); expected a number in [{Format(min)}, {Format(max)}]";
        }

        if (TValue.IsInfinity(value))
        {
            return $"{member} is {(TValue.IsPositive(value) ? "+" : "-")}Infinity; expected a finite number in [{Format(min)}, {Format(max)}]";
        }

        return value < min
            ? $"{member} is {Format(value)}, below the minimum {Format(min)}"
            : $"{member} is {Format(value)}, above the maximum {Format(max)}";
    }

    private static string Format(TValue value) => value.ToString(null, CultureInfo.InvariantCulture);
}
