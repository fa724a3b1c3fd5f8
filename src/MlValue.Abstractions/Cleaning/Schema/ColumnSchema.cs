namespace MlValue.Cleaning;

/// <summary>What the reference set showed for one column.</summary>
public sealed class ColumnSchema
{
    /// <summary>The column (property) name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The column type.</summary>
    public ColumnType Type { get; init; }

    /// <summary>The share of rows whose value was null, or an empty or whitespace string.</summary>
    public double NullRate { get; init; }

    /// <summary>For <see cref="ColumnType.Number"/>: the observed distribution; null when no finite value was seen.</summary>
    public NumericStats? Numeric { get; init; }

    /// <summary>For <see cref="ColumnType.Timestamp"/>: the observed range; null when no value was seen.</summary>
    public TimestampStats? Timestamp { get; init; }

    /// <summary>For <see cref="ColumnType.Categorical"/> and <see cref="ColumnType.Boolean"/>: the values seen, most frequent first.</summary>
    public IReadOnlyList<CategoryFrequency>? Categories { get; init; }

    /// <summary>For <see cref="ColumnType.Text"/> and <see cref="ColumnType.Categorical"/>: the observed lengths; null when no value was seen.</summary>
    public TextStats? Text { get; init; }

    /// <summary>True when the column holds each record's event time (<see cref="CleaningOptions.EventTimeColumns"/>): its range is recorded but never checked; null otherwise.</summary>
    public bool? IsEventTime { get; init; }
}
