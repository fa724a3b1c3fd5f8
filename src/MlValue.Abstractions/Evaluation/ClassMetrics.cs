namespace MlValue.Evaluation;

/// <summary>Precision, recall and F1 of one class, each possibly undefined with its reason.</summary>
public sealed class ClassMetrics
{
    /// <summary>The class name.</summary>
    public required string ClassName { get; init; }

    /// <summary>How many holdout rows have this class as their true label.</summary>
    public required int Support { get; init; }

    /// <summary>Of the rows predicted as this class, the fraction that are.</summary>
    public required MetricValue Precision { get; init; }

    /// <summary>Of the rows of this class, the fraction predicted as it.</summary>
    public required MetricValue Recall { get; init; }

    /// <summary>The harmonic mean of precision and recall.</summary>
    public required MetricValue F1 { get; init; }
}
