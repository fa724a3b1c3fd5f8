namespace MlValue.Cleaning.Rules;

internal sealed class PredicateRule<T>(string name, Func<T, bool> predicate, Func<T, string> reason)
    : RecordRule<T>(name, "custom")
    where T : class
{
    public override bool Passes(T record) => predicate(record);

    public override string Reason(T record) => reason(record);
}
