namespace MlValue.Cleaning.Rules;

internal sealed class NotEmptyRule<T>(string name, string member, Func<T, string?> get)
    : RecordRule<T>(name, "not-empty")
    where T : class
{
    public override bool Passes(T record) => !string.IsNullOrWhiteSpace(get(record));

    public override string Reason(T record)
    {
        var value = get(record);
        return value is null ? $"{member} is null" : $"{member} is empty or whitespace: {ValueText.Quote(value)}";
    }
}
