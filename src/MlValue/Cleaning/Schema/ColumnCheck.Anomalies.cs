using System.Globalization;

namespace MlValue.Cleaning;

/// <content>Turning the counts into anomalies.</content>
internal sealed partial class ColumnCheck
{
    public IEnumerable<DataAnomaly> Anomalies(CleaningOptions options)
    {
        if (_rows == 0)
        {
            yield break;
        }

        var name = _schema.Name;
        var parseShare = (double)_parseFailures / _rows;
        if (_parseFailures > 0 && parseShare > options.TypeMismatchTolerance)
        {
            yield return new DataAnomaly
            {
                Column = name, Kind = AnomalyKind.TypeMismatch, Severity = AnomalySeverity.Error,
                Expected = $"{_schema.Type} values", Observed = Count(_parseFailures, parseShare) + " do not parse",
                AffectedRows = _parseFailures, Share = parseShare, Threshold = options.TypeMismatchTolerance, Examples = _parseExamples,
                Message = $"{Count(_parseFailures, parseShare)} of column {name} do not parse as {_schema.Type}; fix the producer or the column's format (invariant culture, ISO 8601 for timestamps).",
            };
        }

        var nullRate = (double)_missing / _rows;
        if (nullRate - _schema.NullRate > options.NullRateTolerance)
        {
            yield return new DataAnomaly
            {
                Column = name, Kind = AnomalyKind.NullRateJump, Severity = Severity(nullRate - _schema.NullRate, options),
                Expected = $"null rate ≤ {ValueText.Percent(_schema.NullRate)} + {ValueText.Percent(options.NullRateTolerance)}", Observed = $"null rate {ValueText.Percent(nullRate)}",
                AffectedRows = _missing, Share = nullRate, Threshold = options.NullRateTolerance,
                Message = $"Column {name} is null or empty in {Count(_missing, nullRate)}, against {ValueText.Percent(_schema.NullRate)} in the reference set; check the source for a broken field.",
            };
        }

        var unseenShare = (double)_unseenRows / _rows;
        if (_unseenRows > 0 && unseenShare > options.UnseenCategoryTolerance)
        {
            var top = _unseen.OrderByDescending(u => u.Value.Count).ThenBy(u => u.Value.FirstRow).ToList();
            yield return new DataAnomaly
            {
                Column = name, Kind = AnomalyKind.UnseenCategory, Severity = Severity(unseenShare, options),
                Expected = $"one of {_categories!.Count} known categories", Observed = $"{top.Count} unseen values in {Count(_unseenRows, unseenShare)}",
                AffectedRows = _unseenRows, Share = unseenShare, Threshold = options.UnseenCategoryTolerance,
                Examples = [.. top.Take(options.MaxExamples).Select(u => string.Create(CultureInfo.InvariantCulture, $"{ValueText.Quote(u.Key)} ×{u.Value.Count} (first row {u.Value.FirstRow})"))],
                Message = $"Column {name} has {top.Count} values never seen in the reference set, in {Count(_unseenRows, unseenShare)}; add them to the reference set (and retrain) or map them to known categories.",
            };
        }

        if (ShareShift(options) is { } shift)
        {
            yield return shift;
        }

        var outShare = (double)_outOfRange / _rows;
        if (_outOfRange > 0 && outShare > options.OutOfRangeTolerance)
        {
            var what = _schema.Type == ColumnType.Text ? "length" : "value";
            yield return new DataAnomaly
            {
                Column = name, Kind = AnomalyKind.OutOfRange, Severity = Severity(outShare, options),
                Expected = $"{what} in [{Format(_min)}, {Format(_max)}]",
                Observed = double.IsFinite(_observedMin) ? $"{what} in [{Format(_observedMin)}, {Format(_observedMax)}]" : "no finite value",
                AffectedRows = _outOfRange, Share = outShare, Threshold = options.OutOfRangeTolerance, Examples = _outOfRangeExamples,
                Message = $"Column {name} has a {what} outside the reference range in {Count(_outOfRange, outShare)}; check units and the source, or infer the schema from a newer reference set if the shift is real.",
            };
        }
    }

    private static AnomalySeverity Severity(double share, CleaningOptions options)
        => share >= options.ErrorShare ? AnomalySeverity.Error : AnomalySeverity.Warning;

    private string Count(long rows, double share) => string.Create(CultureInfo.InvariantCulture, $"{rows} of {_rows} rows ({ValueText.Percent(share)})");
}
