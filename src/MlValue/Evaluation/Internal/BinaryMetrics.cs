using System.Globalization;

namespace MlValue.Evaluation.Internal;

internal static class BinaryMetrics
{
    public static IReadOnlyList<MetricValue> Compute(BinaryTable table, IReadOnlyList<int> rows)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        foreach (var i in rows)
        {
            var label = table.Labels[i];
            var predicted = table.Predicted[i];
            if (label && predicted)
            {
                tp++;
            }
            else if (label)
            {
                fn++;
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }

            var p = (double)table.Probabilities[i];
            logLoss += -Math.Log(Math.Clamp(label ? p : 1 - p, MetricNames.LogLossEpsilon, 1 - MetricNames.LogLossEpsilon));
        }

        var n = rows.Count;
        var positives = tp + fn;
        var negatives = tn + fp;
        var precision = tp + fp == 0
            ? MetricValue.Undefined(MetricNames.Precision, $"the model predicted no row '{table.ClassName(true)}', so precision divides by zero")
            : MetricValue.Of(MetricNames.Precision, (double)tp / (tp + fp));
        var recall = positives == 0
            ? MetricValue.Undefined(MetricNames.Recall, $"no row is labelled '{table.ClassName(true)}', so recall divides by zero")
            : MetricValue.Of(MetricNames.Recall, (double)tp / positives);
        return
        [
            Auc(table, rows, positives, negatives),
            MetricValue.Of(MetricNames.Accuracy, (double)(tp + tn) / n),
            precision,
            recall,
            F1(MetricNames.F1, precision, recall),
            MetricValue.Of(MetricNames.LogLoss, logLoss / n),
        ];
    }

    public static MetricValue F1(string name, MetricValue precision, MetricValue recall)
    {
        if (precision.Value is not { } p || recall.Value is not { } r)
        {
            return MetricValue.Undefined(name, "F1 needs both precision and recall, and " + (precision.UndefinedReason ?? recall.UndefinedReason));
        }

        return MetricValue.Of(name, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /// <summary>AUC as the Mann-Whitney statistic on Score: tied scores get their average rank, so a tie counts half.</summary>
    private static MetricValue Auc(BinaryTable table, IReadOnlyList<int> rows, int positives, int negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            var only = positives == 0 ? table.ClassName(false) : table.ClassName(true);
            return MetricValue.Undefined(MetricNames.Auc, string.Create(CultureInfo.InvariantCulture, $"all {rows.Count} rows are '{only}'; AUC needs both classes"));
        }

        var order = rows.OrderBy(i => table.Scores[i]).ToArray();
        double positiveRankSum = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && table.Scores[order[end + 1]] == table.Scores[order[start]])
            {
                end++;
            }

            var averageRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (table.Labels[order[k]])
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        var u = positiveRankSum - (positives * (positives + 1.0) / 2.0);
        return MetricValue.Of(MetricNames.Auc, u / ((double)positives * negatives));
    }
}
