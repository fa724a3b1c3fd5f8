namespace MlValue.Cleaning;

/// <summary>One anomaly of a batch against a schema: where, what, how much, against which threshold, with examples.</summary>
public sealed class DataAnomaly
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>What is wrong.</summary>
    public required AnomalyKind Kind { get; init; }

    /// <summary>How serious it is.</summary>
    public required AnomalySeverity Severity { get; init; }

    /// <summary>What the schema expected, in words (range, categories, type, rate).</summary>
    public required string Expected { get; init; }

    /// <summary>What the batch showed, in words.</summary>
    public required string Observed { get; init; }

    /// <summary>How many batch rows are affected.</summary>
    public long AffectedRows { get; init; }

    /// <summary>The affected share of the batch's rows (for a null-rate jump: the batch's null rate).</summary>
    public double Share { get; init; }

    /// <summary>The tolerance that was exceeded, as a share; null for structural anomalies.</summary>
    public double? Threshold { get; init; }

    /// <summary>Example offending values with their row, most frequent or first first.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>A sentence that says what is wrong and what to do.</summary>
    public required string Message { get; init; }
}
