namespace MlValue.Cleaning.Rules;

internal sealed class NotNullRule<T, TValue>(string name, string member, Func<T, TValue?> get)
    : RecordRule<T>(name, "not-null")
    where T : class
{
    public override bool Passes(T record) => get(record) is not null;

    public override string Reason(T record) => $"{member} is null";
}
