using MlValue.Internal;
using System.Globalization;

namespace MlValue.Cleaning;

/// <summary>Accumulates one schema column over a batch: nulls, parse failures, unseen categories, out-of-range values.</summary>
internal sealed partial class ColumnCheck
{
    private readonly ColumnSchema _schema;
    private readonly int _maxExamples;
    private readonly HashSet<string>? _categories;
    private readonly Dictionary<string, (long Count, long FirstRow)> _unseen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly List<string> _outOfRangeExamples = [];
    private readonly List<string> _parseExamples = [];
    private readonly double _min;
    private readonly double _max;
    private readonly bool _hasRange;
    private long _rows;
    private long _missing;
    private long _unseenRows;
    private long _outOfRange;
    private long _parseFailures;
    private double _observedMin = double.PositiveInfinity;
    private double _observedMax = double.NegativeInfinity;

    public ColumnCheck(ColumnSchema schema, int maxExamples)
    {
        _schema = schema;
        _maxExamples = maxExamples;
        _categories = schema.Categories is { } list ? new HashSet<string>(list.Select(c => c.Value), StringComparer.Ordinal) : null;
        (_hasRange, _min, _max) = schema switch
        {
            { IsEventTime: true } => (false, 0d, 0d),
            { Numeric: { } n } => (true, n.Min, n.Max),
            { Timestamp: { } t } => (true, t.Min.UtcTicks, t.Max.UtcTicks),
            { Type: ColumnType.Text, Text: { } x } => (true, x.MinLength, x.MaxLength),
            _ => (false, 0d, 0d),
        };
    }

    public ColumnSchema Schema => _schema;

    public void Observe(ColumnValue value, long row)
    {
        _rows++;
        if (value.Kind == ColumnValue.MissingKind)
        {
            _missing++;
        }
        else if (_categories is not null)
        {
            if (_categories.Contains(value.Text!))
            {
                _known[value.Text!] = _known.GetValueOrDefault(value.Text!) + 1;
            }
            else
            {
                _unseenRows++;
                _unseen[value.Text!] = _unseen.TryGetValue(value.Text!, out var seen) ? (seen.Count + 1, seen.FirstRow) : (1, row);
            }
        }
        else if (_hasRange)
        {
            var x = value.Kind == ColumnValue.NumberKind ? value.Number : value.Text!.Length;
            if (double.IsFinite(x))
            {
                _observedMin = Math.Min(_observedMin, x);
                _observedMax = Math.Max(_observedMax, x);
            }

            if (!(x >= _min && x <= _max))
            {
                _outOfRange++;
                Example(_outOfRangeExamples, value.Kind == ColumnValue.NumberKind ? Format(x) : $"{ValueText.Quote(value.Text)} ({value.Text!.Length} chars)", row);
            }
        }
    }

    public void ParseFailure(string raw, long row)
    {
        _rows++;
        _parseFailures++;
        Example(_parseExamples, ValueText.Quote(raw), row);
    }

    private void Example(List<string> examples, string value, long row)
    {
        if (examples.Count < _maxExamples)
        {
            examples.Add(string.Create(CultureInfo.InvariantCulture, $"{value} (row {row})"));
        }
    }

    private string Format(double x) => _schema.Type == ColumnType.Timestamp && double.IsFinite(x) && x >= DateTimeOffset.MinValue.UtcTicks && x <= DateTimeOffset.MaxValue.UtcTicks
        ? MarkdownText.Iso(new DateTimeOffset((long)x, TimeSpan.Zero))
        : ValueText.Number(x);
}
