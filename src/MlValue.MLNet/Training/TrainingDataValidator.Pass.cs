using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlValue.Training;

/// <summary>The streaming pass over label and numeric features.</summary>
internal static partial class TrainingDataValidator
{
    private const int ReportEvery = 10_000;

    public static DataStatistics Scan(IDataView data, DataRequirements needs, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, bool requireTwoClasses = true)
    {
        CheckSchema(data.Schema, needs);
        var label = data.Schema[needs.LabelColumn];
        var numeric = needs.NumericColumns.Select(n => data.Schema[n]).ToArray();
        var stats = new DataStatistics();
        using (var cursor = data.GetRowCursor([label, .. numeric]))
        {
            var readLabel = LabelReader(cursor, label, needs, stats);
            var readNumeric = numeric.Select(c => NumericReader(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                stats.RowCount++;
                readLabel(stats.RowCount);
                for (var i = 0; i < readNumeric.Length; i++)
                {
                    if (readNumeric[i]())
                    {
                        throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                            $"Trainer '{needs.TrainerName}': the numeric column '{numeric[i].Name}' is NaN or infinite at row {stats.RowCount} (1-based, in training-set order). How to fix: impute or drop missing values in the cleaning stage before training."));
                    }
                }

                if (stats.RowCount % ReportEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new TrainingProgress(TrainingStage.Validating, stats.RowCount, "validating rows"));
                }
            }
        }

        CheckClasses(needs, stats, requireTwoClasses);
        return stats;
    }

    private static Action<long> LabelReader(DataViewRowCursor cursor, DataViewSchema.Column label, DataRequirements needs, DataStatistics stats)
    {
        switch (needs.Task)
        {
            case PredictionTask.BinaryClassification:
                var readBool = cursor.GetGetter<bool>(label);
                var flag = false;
                return _ =>
                {
                    readBool(ref flag);
                    stats.Positives += flag ? 1 : 0;
                };
            case PredictionTask.MulticlassClassification:
                var readText = cursor.GetGetter<ReadOnlyMemory<char>>(label);
                var text = default(ReadOnlyMemory<char>);
                return row =>
                {
                    readText(ref text);
                    if (text.Span.IsWhiteSpace())
                    {
                        throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                            $"Trainer '{needs.TrainerName}': the label column '{needs.LabelColumn}' is empty at row {row} (1-based, in training-set order). How to fix: annotate the row or drop it before training."));
                    }

                    var key = text.ToString();
                    stats.ClassCounts[key] = stats.ClassCounts.GetValueOrDefault(key) + 1;
                };
            default:
                var readFloat = cursor.GetGetter<float>(label);
                var value = 0f;
                return row =>
                {
                    readFloat(ref value);
                    if (!float.IsFinite(value))
                    {
                        throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                            $"Trainer '{needs.TrainerName}': the label column '{needs.LabelColumn}' is NaN or infinite at row {row} (1-based, in training-set order). How to fix: drop rows without a label before training."));
                    }

                    stats.LabelSum += value;
                    stats.LabelSumOfSquares += (double)value * value;
                };
        }
    }

    private static Func<bool> NumericReader(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType)
        {
            var readVector = cursor.GetGetter<VBuffer<float>>(column);
            var vector = default(VBuffer<float>);
            return () =>
            {
                readVector(ref vector);
                foreach (var item in vector.GetValues())
                {
                    if (!float.IsFinite(item))
                    {
                        return true;
                    }
                }

                return false;
            };
        }

        var read = cursor.GetGetter<float>(column);
        var value = 0f;
        return () =>
        {
            read(ref value);
            return !float.IsFinite(value);
        };
    }

    private static void CheckClasses(DataRequirements needs, DataStatistics stats, bool requireTwoClasses)
    {
        if (stats.RowCount == 0)
        {
            throw new TrainingException($"Trainer '{needs.TrainerName}': the training set is empty (0 rows). How to fix: check the dataset id and the split; a model needs labelled rows to learn from.");
        }

        var classes = needs.Task switch
        {
            PredictionTask.BinaryClassification => (stats.Positives > 0 ? 1 : 0) + (stats.Negatives > 0 ? 1 : 0),
            PredictionTask.MulticlassClassification => stats.ClassCounts.Count,
            _ => 2,
        };
        if (requireTwoClasses && classes < 2)
        {
            var only = needs.Task == PredictionTask.BinaryClassification ? (stats.Positives > 0 ? "true" : "false") : stats.ClassCounts.Keys.First();
            throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                $"Trainer '{needs.TrainerName}': the label column '{needs.LabelColumn}' has a single class ('{only}' in all {stats.RowCount} rows), so there is nothing to tell apart. How to fix: add rows of the other class(es), or use a rule baseline until they exist."));
        }
    }
}
