namespace MlValue.Training;

/// <summary>What the validation pass learned about the label: row count, class counts, sums.</summary>
internal sealed class DataStatistics
{
    public long RowCount { get; set; }

    public long Positives { get; set; }

    public SortedDictionary<string, long> ClassCounts { get; } = new(StringComparer.Ordinal);

    public double LabelSum { get; set; }

    public double LabelSumOfSquares { get; set; }

    public long Negatives => RowCount - Positives;
}
