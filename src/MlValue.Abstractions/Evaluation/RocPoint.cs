namespace MlValue.Evaluation;

/// <summary>A point of the ROC curve, at one score threshold.</summary>
/// <param name="FalsePositiveRate">The false positive rate at the threshold.</param>
/// <param name="TruePositiveRate">The true positive rate at the threshold.</param>
/// <param name="Threshold">Rows with a score at or above it are called positive.</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
