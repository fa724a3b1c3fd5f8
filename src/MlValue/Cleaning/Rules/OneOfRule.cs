namespace MlValue.Cleaning.Rules;

internal sealed class OneOfRule<T>(string name, string member, Func<T, string?> get, HashSet<string> allowed)
    : RecordRule<T>(name, "one-of")
    where T : class
{
    public override bool Passes(T record)
    {
        var value = get(record);
        return value is not null && allowed.Contains(value);
    }

    public override string Reason(T record)
    {
        var shown = string.Join(", ", allowed.Order(StringComparer.Ordinal).Take(10).Select(ValueText.Quote));
        return $"{member} is {ValueText.Quote(get(record))}, not one of {{{shown}{(allowed.Count > 10 ? ", …" : string.Empty)}}}";
    }
}
