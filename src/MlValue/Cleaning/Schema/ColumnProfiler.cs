namespace MlValue.Cleaning;

/// <summary>Accumulates one column of the reference set and turns it into a <see cref="ColumnSchema"/>.</summary>
internal sealed class ColumnProfiler(string name, ColumnType type, int maxCategories)
{
    private static readonly double[] Ranks = [0.05, 0.25, 0.5, 0.75, 0.95];
    private readonly List<double> _numbers = [];
    private Dictionary<string, long>? _categories = new(StringComparer.Ordinal);
    private long _rows;
    private long _missing;
    private long _nonFinite;
    private long _texts;
    private long _lengthSum;
    private int _minLength = int.MaxValue;
    private int _maxLength;

    public void Observe(ColumnValue value)
    {
        _rows++;
        switch (value.Kind)
        {
            case ColumnValue.NumberKind when double.IsFinite(value.Number):
                _numbers.Add(value.Number);
                break;
            case ColumnValue.NumberKind:
                _nonFinite++;
                break;
            case ColumnValue.TextKind:
                ObserveText(value.Text!);
                break;
            default:
                _missing++;
                break;
        }
    }

    public ColumnSchema Build()
    {
        var categorical = type == ColumnType.Boolean || (type == ColumnType.Text && _categories is not null && _texts > 0);
        var finalType = type == ColumnType.Text && categorical ? ColumnType.Categorical : type;
        return new ColumnSchema
        {
            Name = name,
            Type = finalType,
            NullRate = _rows == 0 ? 0 : (double)_missing / _rows,
            Numeric = type == ColumnType.Number ? Numeric() : null,
            Timestamp = type == ColumnType.Timestamp && _numbers.Count > 0
                ? new TimestampStats { Min = new DateTimeOffset((long)_numbers.Min(), TimeSpan.Zero), Max = new DateTimeOffset((long)_numbers.Max(), TimeSpan.Zero) }
                : null,
            Categories = categorical ? [.. _categories!.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CategoryFrequency { Value = c.Key, Count = c.Value, Share = (double)c.Value / _texts })] : null,
            Text = _texts > 0 && type == ColumnType.Text ? new TextStats { MinLength = _minLength, MaxLength = _maxLength, MeanLength = Math.Round((double)_lengthSum / _texts, 3) } : null,
        };
    }

    private void ObserveText(string text)
    {
        _texts++;
        _lengthSum += text.Length;
        _minLength = Math.Min(_minLength, text.Length);
        _maxLength = Math.Max(_maxLength, text.Length);
        if (_categories is null)
        {
            return;
        }

        if (_categories.TryGetValue(text, out var count))
        {
            _categories[text] = count + 1;
        }
        else if (_categories.Count < maxCategories || type == ColumnType.Boolean)
        {
            _categories[text] = 1;
        }
        else
        {
            _categories = null;
        }
    }

    private NumericStats? Numeric()
    {
        if (_numbers.Count == 0)
        {
            return null;
        }

        _numbers.Sort();
        var mean = 0.0;
        for (var i = 0; i < _numbers.Count; i++)
        {
            mean += (_numbers[i] - mean) / (i + 1);
        }

        return new NumericStats
        {
            Min = _numbers[0],
            Max = _numbers[^1],
            Mean = mean,
            Quantiles = [.. Ranks.Select(r => _numbers[Math.Clamp((int)Math.Ceiling(r * _numbers.Count) - 1, 0, _numbers.Count - 1)])],
            NonFinite = _nonFinite,
        };
    }
}
