namespace MlValue.Evaluation;

/// <summary>The task metrics of one slice of the holdout (the rows of a segment sharing one key).</summary>
public sealed class SliceResult
{
    /// <summary>The segment name, for example <c>group</c>.</summary>
    public required string Segment { get; init; }

    /// <summary>The slice key, for example <c>spam-2</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The number of holdout rows in the slice.</summary>
    public required int Count { get; init; }

    /// <summary>True when <see cref="Count"/> is below <c>EvaluationOptions.MinSliceSize</c>:
    /// the metrics are shown but too small to trust, and the promotion policy ignores them.</summary>
    public required bool TooSmall { get; init; }

    /// <summary>The task metrics of the slice.</summary>
    public required IReadOnlyList<MetricValue> Metrics { get; init; }
}
