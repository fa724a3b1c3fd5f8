namespace MlValue.Monitoring;

/// <summary>One window (a merge of whole buckets): drift per feature and of the prediction, performance, data quality.</summary>
public sealed class MonitorWindow
{
    /// <summary>The first instant of the window (inclusive).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The end of the window (exclusive).</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Records stored in the window.</summary>
    public long Records { get; init; }

    /// <summary>Records that arrived late but within the allowed lateness, stored in their event-time bucket.</summary>
    public long LateAccepted { get; init; }

    /// <summary>Records that arrived (by the monitor's clock) during the window but too late for their bucket: counted, not stored.</summary>
    public long TooLate { get; init; }

    /// <summary>Records with an event time ahead of the clock, arriving during the window: counted, not stored.</summary>
    public long InFuture { get; init; }

    /// <summary>Records with an invalid prediction, arriving during the window: counted, not stored.</summary>
    public long InvalidPredictions { get; init; }

    /// <summary>Outcomes arriving during the window for unknown (or expired, evicted, already answered) correlation ids.</summary>
    public long UnknownOutcomes { get; init; }

    /// <summary>Outcomes arriving during the window whose prediction's bucket was past the retention.</summary>
    public long ExpiredOutcomes { get; init; }

    /// <summary>Records per model version.</summary>
    public required IReadOnlyDictionary<string, long> Versions { get; init; }

    /// <summary>Drift per feature, in schema order.</summary>
    public required IReadOnlyList<FeatureDrift> Features { get; init; }

    /// <summary>Multiclass: records per predicted class (<c>(other)</c> past the category cap); empty for other kinds.</summary>
    public IReadOnlyDictionary<string, long> PredictedClasses { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Drift of the prediction distribution (multiclass: of the predicted classes, by chi-square).</summary>
    public required FeatureDrift Prediction { get; init; }

    /// <summary>Performance of the labelled predictions of the window.</summary>
    public required WindowPerformance Performance { get; init; }

    /// <summary>
    /// The model version whose reference profile the drift of this window is computed against (the reference of the
    /// window's newest bucket), or null when the monitor was given its reference directly or has none.
    /// </summary>
    public string? ReferenceVersion { get; init; }

    /// <summary>True when any feature or the prediction has the verdict <see cref="DriftVerdict.Drift"/>.</summary>
    public bool HasDrift => Prediction.Verdict == DriftVerdict.Drift || Features.Any(f => f.Verdict == DriftVerdict.Drift);
}
