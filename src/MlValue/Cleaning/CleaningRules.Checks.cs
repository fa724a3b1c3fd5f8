using System.Linq.Expressions;
using System.Numerics;
using System.Text.RegularExpressions;
using MlValue.Cleaning.Rules;

namespace MlValue.Cleaning;

/// <content>The rules: they reject records into the quarantine.</content>
public sealed partial class CleaningRules<T>
{
    /// <summary>Rejects records whose property is null.</summary>
    /// <typeparam name="TValue">The property type.</typeparam>
    /// <param name="property">The property, for example <c>x => x.From</c>.</param>
    /// <param name="name">The rule name; default <c>not-null(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> NotNull<TValue>(Expression<Func<T, TValue?>> property, string? name = null)
    {
        var (member, get) = Accessor.Getter(property);
        return Add(new NotNullRule<T, TValue>(name ?? $"not-null({member})", member, get));
    }

    /// <summary>Rejects records whose text is null, empty or only whitespace.</summary>
    /// <param name="property">The string property.</param>
    /// <param name="name">The rule name; default <c>not-empty(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> NotEmpty(Expression<Func<T, string?>> property, string? name = null)
    {
        var (member, get) = Accessor.Getter(property);
        return Add(new NotEmptyRule<T>(name ?? $"not-empty({member})", member, get));
    }

    /// <summary>Rejects numbers outside [<paramref name="min"/>, <paramref name="max"/>]; NaN and ±Infinity are rejected with their own reason.</summary>
    /// <typeparam name="TValue">A number type (int, long, float, double, decimal…).</typeparam>
    /// <param name="property">The numeric property.</param>
    /// <param name="min">The smallest valid value (inclusive).</param>
    /// <param name="max">The largest valid value (inclusive).</param>
    /// <param name="name">The rule name; default <c>range(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> Range<TValue>(Expression<Func<T, TValue>> property, TValue min, TValue max, string? name = null)
        where TValue : struct, INumber<TValue>
    {
        var (member, get) = Accessor.Getter(property);
        if (TValue.IsNaN(min) || TValue.IsNaN(max) || min > max)
        {
            throw new CleaningException($"The range rule on {typeof(T).Name}.{member} has an empty or NaN range [{min}, {max}]. Give min <= max.");
        }

        return Add(new RangeRule<T, TValue>(name ?? $"range({member})", member, get, min, max));
    }

    /// <summary>Rejects text that is not one of <paramref name="allowed"/> (ordinal, case-sensitive; null is rejected).</summary>
    /// <param name="property">The string property.</param>
    /// <param name="allowed">The allowed values; at least one.</param>
    /// <param name="name">The rule name; default <c>one-of(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> OneOf(Expression<Func<T, string?>> property, IEnumerable<string> allowed, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var (member, get) = Accessor.Getter(property);
        var set = new HashSet<string>(allowed, StringComparer.Ordinal);
        if (set.Count == 0)
        {
            throw new CleaningException($"The one-of rule on {typeof(T).Name}.{member} allows no value. List at least one allowed value.");
        }

        return Add(new OneOfRule<T>(name ?? $"one-of({member})", member, get, set));
    }

    /// <summary>Rejects text that does not match <paramref name="pattern"/> (null is rejected).</summary>
    /// <param name="property">The string property.</param>
    /// <param name="pattern">The pattern; give it a match timeout if it comes from configuration.</param>
    /// <param name="name">The rule name; default <c>regex(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> Matches(Expression<Func<T, string?>> property, Regex pattern, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var (member, get) = Accessor.Getter(property);
        return Add(new RegexRule<T>(name ?? $"regex({member})", member, get, pattern));
    }

    /// <summary>Rejects text longer than <paramref name="maxLength"/> characters (null counts as empty).</summary>
    /// <param name="property">The string property.</param>
    /// <param name="maxLength">The largest valid length, in UTF-16 characters; at least 0.</param>
    /// <param name="name">The rule name; default <c>max-length(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> MaxLength(Expression<Func<T, string?>> property, int maxLength, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var (member, get) = Accessor.Getter(property);
        return Add(new MaxLengthRule<T>(name ?? $"max-length({member})", member, get, maxLength));
    }

    /// <summary>
    /// Keeps the first clean record per key and rejects later ones, naming the first's position.
    /// Records with a null key are not compared (add <see cref="NotNull{TValue}"/> to reject them).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="key">The key, for example <c>x => x.Body</c>.</param>
    /// <param name="comparer">How keys compare; default the key type's equality.</param>
    /// <param name="name">The rule name; default <c>unique(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> UniqueBy<TKey>(Expression<Func<T, TKey>> key, IEqualityComparer<TKey>? comparer = null, string? name = null)
        where TKey : notnull
    {
        var (member, get) = Accessor.Getter(key);
        return Add(new UniqueRule<T, TKey>(name ?? $"unique({member})", member, get, comparer));
    }

    /// <summary>Rejects records for which <paramref name="predicate"/> is false, with a reason built from the record.</summary>
    /// <param name="name">The rule name.</param>
    /// <param name="predicate">True for a valid record.</param>
    /// <param name="reason">The reason for a rejected record; called only on rejection.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> Must(string name, Func<T, bool> predicate, Func<T, string> reason)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(reason);
        return Add(new PredicateRule<T>(name, predicate, reason));
    }
}
