namespace MlValue.Evaluation.Internal;

/// <summary>Reliability bins of equal width over [0, 1] and the expected calibration error.</summary>
internal static class Calibration
{
    public static IReadOnlyList<CalibrationBin> Bins(BinaryTable table, int binCount)
    {
        var counts = new int[binCount];
        var sumPredicted = new double[binCount];
        var positives = new int[binCount];
        for (var i = 0; i < table.Count; i++)
        {
            var p = table.Probabilities[i];
            var bin = Math.Min((int)(p * binCount), binCount - 1);
            counts[bin]++;
            sumPredicted[bin] += p;
            positives[bin] += table.Labels[i] ? 1 : 0;
        }

        return Enumerable.Range(0, binCount).Select(b => new CalibrationBin
        {
            Lower = (double)b / binCount,
            Upper = (double)(b + 1) / binCount,
            Count = counts[b],
            MeanPredicted = counts[b] == 0 ? null : sumPredicted[b] / counts[b],
            ObservedRate = counts[b] == 0 ? null : (double)positives[b] / counts[b],
        }).ToArray();
    }

    /// <summary>ECE = Σ (count_b / n) · |mean predicted_b − observed rate_b|.</summary>
    public static MetricValue ExpectedError(IReadOnlyList<CalibrationBin> bins)
    {
        var n = bins.Sum(b => b.Count);
        var ece = bins.Where(b => b.Count > 0).Sum(b => (double)b.Count / n * Math.Abs(b.MeanPredicted!.Value - b.ObservedRate!.Value));
        return MetricValue.Of(MetricNames.ExpectedCalibrationError, ece);
    }
}
