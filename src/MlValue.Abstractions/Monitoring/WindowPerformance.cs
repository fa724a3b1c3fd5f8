using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>The performance of a window's predictions whose outcomes have arrived; grows as late labels arrive.</summary>
public sealed class WindowPerformance
{
    /// <summary>What the model predicts: binary, multiclass or regression.</summary>
    public required PredictionTask Task { get; init; }

    /// <summary>Predictions of the window with an outcome.</summary>
    public long Labeled { get; init; }

    /// <summary>True when <see cref="Labeled"/> reaches the minimum sample size; metrics are shown either way.</summary>
    public bool Sufficient { get; init; }

    /// <summary>Binary: true positives at the decision threshold.</summary>
    public long TruePositives { get; init; }

    /// <summary>Binary: false positives.</summary>
    public long FalsePositives { get; init; }

    /// <summary>Binary: true negatives.</summary>
    public long TrueNegatives { get; init; }

    /// <summary>Binary: false negatives.</summary>
    public long FalseNegatives { get; init; }

    /// <summary>Binary and multiclass: accuracy; null without labels.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Binary: precision; null without predicted positives.</summary>
    public double? Precision { get; init; }

    /// <summary>Binary: recall; null without actual positives.</summary>
    public double? Recall { get; init; }

    /// <summary>Binary: mean log-loss; null without labels.</summary>
    public double? LogLoss { get; init; }

    /// <summary>Binary: ROC AUC from 50-bin score histograms; null without both classes.</summary>
    public double? Auc { get; init; }

    /// <summary>Regression: mean absolute error; null without labels.</summary>
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Regression: root mean squared error; null without labels.</summary>
    public double? RootMeanSquaredError { get; init; }

    /// <summary>Multiclass: per-class precision, recall and F1, ordered by class label (ordinal); empty for other kinds.</summary>
    public IReadOnlyList<ClassPerformance> Classes { get; init; } = [];

    /// <summary>Multiclass: the unweighted mean of the per-class F1 over the classes seen (predicted or actual); null without labels.</summary>
    public double? MacroF1 { get; init; }
}
