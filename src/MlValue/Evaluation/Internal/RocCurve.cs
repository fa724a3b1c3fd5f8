namespace MlValue.Evaluation.Internal;

/// <summary>The ROC curve at every distinct score, then downsampled to a bounded number of points.</summary>
internal static class RocCurve
{
    public static IReadOnlyList<RocPoint> Compute(BinaryTable table, int maxPoints)
    {
        var positives = table.Labels.Count(l => l);
        var negatives = table.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, table.Count).OrderByDescending(i => table.Scores[i]).ToArray();
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (table.Labels[order[k]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (k + 1 == order.Length || table.Scores[order[k + 1]] != table.Scores[order[k]])
            {
                points.Add(new RocPoint((double)fp / negatives, (double)tp / positives, table.Scores[order[k]]));
            }
        }

        return Downsample(points, maxPoints);
    }

    /// <summary>Keeps the first and last point and evenly spaced ones between.</summary>
    public static IReadOnlyList<RocPoint> Downsample(IReadOnlyList<RocPoint> points, int maxPoints)
    {
        if (points.Count <= maxPoints)
        {
            return points;
        }

        return Enumerable.Range(0, maxPoints)
            .Select(k => (int)Math.Round((double)k * (points.Count - 1) / (maxPoints - 1)))
            .Distinct()
            .Select(i => points[i])
            .ToArray();
    }
}
