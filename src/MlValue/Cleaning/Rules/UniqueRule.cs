namespace MlValue.Cleaning.Rules;

/// <summary>Keeps the first clean record per key; later ones are rejected naming the first's position.</summary>
internal sealed class UniqueRule<T, TKey>(string name, string member, Func<T, TKey> key, IEqualityComparer<TKey>? comparer)
    : RecordRule<T>(name, "unique")
    where T : class
    where TKey : notnull
{
    private readonly Dictionary<TKey, (long Index, T Record)> _seen = new(comparer);
    private Func<T?, long, string> _positionOf = (_, index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private TKey? _last;
    private bool _lastIsNull;

    public override bool IsStateful => true;

    public override RecordRule<T> Start(Func<T?, long, string> positionOf)
        => new UniqueRule<T, TKey>(Name, member, key, comparer) { _positionOf = positionOf };

    public override bool Passes(T record)
    {
        _last = key(record);
        _lastIsNull = _last is null;
        return _lastIsNull || !_seen.ContainsKey(_last!);
    }

    public override string Reason(T record)
    {
        var value = key(record);
        var first = _seen[value];
        var shown = value is string text ? ValueText.Quote(text) : ValueText.Quote(value.ToString());
        return $"duplicate {member} {shown}; first seen at {_positionOf(first.Record, first.Index)}";
    }

    public override void Accept(T record, long index)
    {
        if (!_lastIsNull)
        {
            _seen.TryAdd(_last!, (index, record));
        }
    }
}
