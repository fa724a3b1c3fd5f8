namespace MlValue.Cleaning.Rules;

internal sealed class MaxLengthRule<T>(string name, string member, Func<T, string?> get, int maxLength)
    : RecordRule<T>(name, "max-length")
    where T : class
{
    public override bool Passes(T record) => (get(record)?.Length ?? 0) <= maxLength;

    public override string Reason(T record)
    {
        var value = get(record);
        return $"{member} has {value?.Length ?? 0} characters, more than the maximum {maxLength}: {ValueText.Quote(value)}";
    }
}
