using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>
/// Everything measured about one model on one holdout: task metrics, sliced metrics, confusion
/// matrix, worst errors, calibration and ROC. Bounded in size whatever the holdout size, apart
/// from the slices, of which there is one per distinct key.
/// </summary>
public sealed record EvaluationResult
{
    /// <summary>The name the model was evaluated under, for example <c>spam-filter v3</c>.</summary>
    public required string ModelName { get; init; }

    /// <summary>The id of the holdout dataset, if given.</summary>
    public string? DatasetId { get; init; }

    /// <summary>The kind of model.</summary>
    public required PredictionTask Task { get; init; }

    /// <summary>The number of holdout rows.</summary>
    public required int Count { get; init; }

    /// <summary>When the evaluation ran (from the injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>The slice size under which slices are flagged too small to trust.</summary>
    public required int MinSliceSize { get; init; }

    /// <summary>The task metrics, each possibly undefined with its reason.</summary>
    public required IReadOnlyList<MetricValue> Metrics { get; init; }

    /// <summary>Per-class precision, recall and F1 (classifiers), in class order.</summary>
    public IReadOnlyList<ClassMetrics> ClassMetrics { get; init; } = [];

    /// <summary>Multiclass: the holdout's classes the model does not know (it names its classes and
    /// these are not among them); it never predicts them, so their recall is 0.</summary>
    public IReadOnlyList<string> ClassesUnknownToModel { get; init; } = [];

    /// <summary>The metrics per slice, by segment then key (ordinal).</summary>
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];

    /// <summary>The confusion matrix (classifiers).</summary>
    public ConfusionMatrix? ConfusionMatrix { get; init; }

    /// <summary>The rows with the highest loss, highest first.</summary>
    public IReadOnlyList<WorstError> WorstErrors { get; init; } = [];

    /// <summary>The reliability bins (binary).</summary>
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];

    /// <summary>The ROC curve downsampled to at most <c>EvaluationOptions.RocPoints</c> points (binary).</summary>
    public IReadOnlyList<RocPoint> Roc { get; init; } = [];

    /// <summary>Finds a task metric by name.</summary>
    /// <param name="name">The metric name, for example <see cref="MetricNames.Auc"/>.</param>
    /// <returns>The metric, or <see langword="null"/> when this task has no such metric.</returns>
    public MetricValue? Metric(string name) => Metrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>The defined task metrics by name, as the registry stores them (undefined ones are left out).</summary>
    /// <returns>A new dictionary.</returns>
    public IReadOnlyDictionary<string, double> ToMetricDictionary()
        => Metrics.Where(m => m.Value.HasValue).ToDictionary(m => m.Name, m => m.Value!.Value, StringComparer.Ordinal);
}
