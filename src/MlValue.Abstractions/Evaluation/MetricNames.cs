namespace MlValue.Evaluation;

/// <summary>The names of the metrics the evaluator computes, and which way is better.</summary>
public static class MetricNames
{
    /// <summary>Area under the ROC curve, computed from <c>Score</c> with ties counted half (binary; higher is better).</summary>
    public const string Auc = "auc";

    /// <summary>Fraction of correct predicted labels (binary; higher is better).</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Positive precision (binary; higher is better).</summary>
    public const string Precision = "precision";

    /// <summary>Positive recall (binary; higher is better).</summary>
    public const string Recall = "recall";

    /// <summary>Harmonic mean of precision and recall (binary; higher is better).</summary>
    public const string F1 = "f1";

    /// <summary>Mean negative natural log of the probability given to the true class, probabilities
    /// clipped to [1e-15, 1 − 1e-15] (binary and multiclass; lower is better).</summary>
    public const string LogLoss = "log_loss";

    /// <summary>Fraction of rows whose predicted class is right (multiclass; higher is better).</summary>
    public const string MicroAccuracy = "micro_accuracy";

    /// <summary>Mean over classes of the per-class recall (multiclass; higher is better).</summary>
    public const string MacroAccuracy = "macro_accuracy";

    /// <summary>Unweighted mean over classes of the per-class F1, over the classes labelled or
    /// predicted in the rows measured; a class labelled but never predicted counts 0 (multiclass; higher is better).</summary>
    public const string MacroF1 = "macro_f1";

    /// <summary>Root mean squared error (regression; lower is better).</summary>
    public const string Rmse = "rmse";

    /// <summary>Mean absolute error (regression; lower is better).</summary>
    public const string Mae = "mae";

    /// <summary>Coefficient of determination (regression; higher is better).</summary>
    public const string RSquared = "r2";

    /// <summary>Expected calibration error over the reliability bins (binary; lower is better).</summary>
    public const string ExpectedCalibrationError = "ece";

    /// <summary>The probability clip used by <see cref="LogLoss"/>: 1e-15.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>True when a higher value of the metric is better.</summary>
    /// <param name="metric">A metric name.</param>
    /// <returns>The direction of the metric.</returns>
    /// <exception cref="EvaluationException">The metric is unknown.</exception>
    public static bool IsHigherBetter(string metric) => metric switch
    {
        Auc or Accuracy or Precision or Recall or F1 or MicroAccuracy or MacroAccuracy or MacroF1 or RSquared => true,
        LogLoss or Rmse or Mae or ExpectedCalibrationError => false,
        _ => throw new EvaluationException(
            $"Metric '{metric}' is unknown, so its direction is unknown. Use one of {string.Join(", ", All)}, or set HigherIsBetter on the rule."),
    };

    /// <summary>Every metric name, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Auc, Accuracy, Precision, Recall, F1, LogLoss, ExpectedCalibrationError, MicroAccuracy, MacroAccuracy, MacroF1, Rmse, Mae, RSquared];
}
