using System.Globalization;

namespace MlValue.Cleaning.Transforms;

/// <summary>
/// Parses a string property with explicit formats, checks the range, and either stores the value
/// through a setter or rewrites the string in ISO 8601 form. Unparseable or out-of-range values fail.
/// </summary>
internal sealed class TimestampTransform<T>(
    string name, string member, Func<T, string?> get, Action<T, string?> rewrite, Action<T, DateTimeOffset>? store, TimestampParsing parsing)
    : TransformStep<T>(name, "timestamp")
    where T : class
{
    private readonly string[] _formats = [.. parsing.Formats];

    public override TransformStatus Apply(ref T record, out string? failureReason)
    {
        var text = get(record);
        if (string.IsNullOrWhiteSpace(text))
        {
            failureReason = $"{member} is {ValueText.Quote(text)}, not a timestamp";
            return TransformStatus.Failed;
        }

        string? problem = null;
        var prepared = parsing.Rfc2822Zones ? Rfc2822Zone.Prepare(text, parsing.ReadInvalidZonesAsUtc, out problem) : text;
        if (prepared is null)
        {
            failureReason = $"{member} {ValueText.Quote(text)} {problem}";
            return TransformStatus.Failed;
        }

        if (!DateTimeOffset.TryParseExact(prepared, _formats, CultureInfo.InvariantCulture, parsing.Styles, out var value))
        {
            failureReason = $"{member} {ValueText.Quote(text)} matches none of the formats {string.Join(", ", _formats.Select(f => "'" + f + "'"))}";
            return TransformStatus.Failed;
        }

        if (value < parsing.Min || value > parsing.Max)
        {
            failureReason = $"{member} {ValueText.Quote(text)} is {Iso(value)}, outside the valid range {Iso(parsing.Min)} .. {Iso(parsing.Max)}";
            return TransformStatus.Failed;
        }

        failureReason = null;
        if (store is not null)
        {
            store(record, value);
            return TransformStatus.Changed;
        }

        var iso = Iso(value);
        if (string.Equals(iso, text, StringComparison.Ordinal))
        {
            return TransformStatus.Unchanged;
        }

        rewrite(record, iso);
        return TransformStatus.Changed;
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
