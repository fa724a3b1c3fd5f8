namespace MlValue.Monitoring;

/// <summary>The performance of one class in a multiclass window, from the labelled predictions.</summary>
public sealed class ClassPerformance
{
    /// <summary>The class label; <c>(other)</c> gathers the classes past <c>MonitoringOptions.CategoryCap</c>.</summary>
    public required string Class { get; init; }

    /// <summary>Labelled predictions of this class that were right.</summary>
    public long TruePositives { get; init; }

    /// <summary>Labelled predictions of this class whose actual class was another.</summary>
    public long FalsePositives { get; init; }

    /// <summary>Labelled records of this actual class predicted as another.</summary>
    public long FalseNegatives { get; init; }

    /// <summary>Records whose actual class is this one (TP + FN).</summary>
    public long Support => TruePositives + FalseNegatives;

    /// <summary>TP / (TP + FP); null when the class was never predicted.</summary>
    public double? Precision { get; init; }

    /// <summary>TP / (TP + FN); null when the class never occurred.</summary>
    public double? Recall { get; init; }

    /// <summary>The harmonic mean of precision and recall; 0 when either is 0 or missing while the class occurred or was predicted.</summary>
    public double? F1 { get; init; }
}
