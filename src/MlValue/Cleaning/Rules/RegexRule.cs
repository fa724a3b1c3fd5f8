using System.Text.RegularExpressions;

namespace MlValue.Cleaning.Rules;

internal sealed class RegexRule<T>(string name, string member, Func<T, string?> get, Regex pattern)
    : RecordRule<T>(name, "regex")
    where T : class
{
    public override bool Passes(T record)
    {
        var value = get(record);
        return value is not null && pattern.IsMatch(value);
    }

    public override string Reason(T record)
        => $"{member} is {ValueText.Quote(get(record))}, which does not match /{pattern}/";
}
