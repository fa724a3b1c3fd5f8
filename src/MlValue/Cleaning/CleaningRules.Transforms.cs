using System.Linq.Expressions;
using MlValue.Cleaning.Transforms;

namespace MlValue.Cleaning;

/// <content>The transforms: they run before the rules and change records.</content>
public sealed partial class CleaningRules<T>
{
    /// <summary>Normalises a text property: Unicode NFC, whitespace runs collapsed to one space, trimmed.</summary>
    /// <param name="property">A writable string property, for example <c>x => x.Subject</c>.</param>
    /// <param name="name">The name in the report; default <c>normalize(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> NormalizeText(Expression<Func<T, string?>> property, string? name = null)
        => FixText(property, TextFixes.Normalize, "normalize", name);

    /// <summary>Trims leading and trailing whitespace from a text property.</summary>
    /// <param name="property">A writable string property.</param>
    /// <param name="name">The name in the report; default <c>trim(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> Trim(Expression<Func<T, string?>> property, string? name = null)
        => FixText(property, TextFixes.Trim, "trim", name);

    /// <summary>Rewrites a text property with <paramref name="fix"/>; a change is counted when the text differs.</summary>
    /// <param name="name">The name in the report.</param>
    /// <param name="property">A writable string property.</param>
    /// <param name="fix">The fix; return the same instance when nothing changes to avoid allocating.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> FixText(string name, Expression<Func<T, string?>> property, Func<string?, string?> fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        return FixText(property, fix, "fix", name);
    }

    /// <summary>
    /// Parses a string property as a timestamp with explicit formats and a valid range. The value is
    /// given to <paramref name="store"/> when set, otherwise the string is rewritten in ISO 8601
    /// (<c>yyyy-MM-ddTHH:mm:sszzz</c>). An unparseable or out-of-range value quarantines the record.
    /// </summary>
    /// <param name="property">The string property holding the timestamp.</param>
    /// <param name="parsing">Formats and range, for example <see cref="TimestampParsing.Rfc2822"/>.</param>
    /// <param name="store">Where the parsed value goes; <see langword="null"/> rewrites the string (which must be writable).</param>
    /// <param name="name">The name in the report; default <c>timestamp(Property)</c>.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> ParseTimestamp(Expression<Func<T, string?>> property, TimestampParsing parsing, Action<T, DateTimeOffset>? store = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(parsing);
        var (member, get) = Accessor.Getter(property);
        Action<T, string?> rewrite = store is null ? Accessor.Setter(property) : static (_, _) => { };
        return Add(new TimestampTransform<T>(name ?? $"timestamp({member})", member, get, rewrite, store, parsing));
    }

    /// <summary>Adds a custom transform that may change a record in place, replace it, or fail with a reason.</summary>
    /// <param name="name">The name in the report.</param>
    /// <param name="transform">The transform.</param>
    /// <returns>This builder.</returns>
    public CleaningRules<T> Transform(string name, RecordTransform<T> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return Add(new CustomTransform<T>(name, transform));
    }

    private CleaningRules<T> FixText(Expression<Func<T, string?>> property, Func<string?, string?> fix, string kind, string? name)
    {
        var (member, get) = Accessor.Getter(property);
        return Add(new TextTransform<T>(name ?? $"{kind}({member})", kind, get, Accessor.Setter(property), fix));
    }
}
