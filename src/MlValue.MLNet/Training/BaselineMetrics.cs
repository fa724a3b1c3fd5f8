using Microsoft.ML;

namespace MlValue.Training;

/// <summary>Training metrics of the baselines, under the same names as the ML.NET trainers.</summary>
internal static class BaselineMetrics
{
    public static SortedDictionary<string, double> ForMajority(PredictionTask task, DataStatistics stats)
    {
        if (task == PredictionTask.BinaryClassification)
        {
            return new(StringComparer.Ordinal)
            {
                ["accuracy"] = (double)Math.Max(stats.Positives, stats.Negatives) / stats.RowCount,
                ["auc"] = 0.5,
            };
        }

        return new(StringComparer.Ordinal)
        {
            ["micro_accuracy"] = (double)stats.ClassCounts.Values.Max() / stats.RowCount,
            ["macro_accuracy"] = 1.0 / stats.ClassCounts.Count,
        };
    }

    public static SortedDictionary<string, double> ForMean(DataStatistics stats)
    {
        var mean = stats.LabelSum / stats.RowCount;
        var variance = Math.Max(0, (stats.LabelSumOfSquares / stats.RowCount) - (mean * mean));
        return new(StringComparer.Ordinal) { ["rmse"] = Math.Sqrt(variance), ["r_squared"] = 0 };
    }

    public static SortedDictionary<string, double> ForRule<TRecord>(BaselineRule<TRecord> rule, IEnumerable<TRecord> records, IDataView view, string labelColumn, CancellationToken cancellationToken)
        where TRecord : class
    {
        long truePositive = 0, falsePositive = 0, falseNegative = 0, total = 0;
        var label = view.Schema[labelColumn];
        using var cursor = view.GetRowCursor([label]);
        var read = cursor.GetGetter<bool>(label);
        var actual = false;
        foreach (var record in records)
        {
            if (!cursor.MoveNext())
            {
                break;
            }

            read(ref actual);
            var predicted = rule.IsPositive(record);
            truePositive += predicted && actual ? 1 : 0;
            falsePositive += predicted && !actual ? 1 : 0;
            falseNegative += !predicted && actual ? 1 : 0;
            if (++total % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var precision = truePositive + falsePositive == 0 ? 0 : (double)truePositive / (truePositive + falsePositive);
        var recall = truePositive + falseNegative == 0 ? 0 : (double)truePositive / (truePositive + falseNegative);
        return new(StringComparer.Ordinal)
        {
            ["accuracy"] = (double)(total - falsePositive - falseNegative) / total,
            ["precision"] = precision,
            ["recall"] = recall,
            ["f1"] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
        };
    }
}
