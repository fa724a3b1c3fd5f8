using Microsoft.ML;

namespace MlValue.Training;

/// <summary>Training metrics through ML.NET's evaluators, under stable lower_snake_case names.</summary>
internal static class MlNetMetrics
{
    public static SortedDictionary<string, double> Compute(MLContext ml, PredictionTask task, IDataView scored, string labelColumn)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        switch (task)
        {
            case PredictionTask.BinaryClassification:
                if (scored.Schema.GetColumnOrNull("Probability") is not null)
                {
                    var calibrated = ml.BinaryClassification.Evaluate(scored, labelColumn);
                    result["log_loss"] = calibrated.LogLoss;
                    Add(result, calibrated);
                }
                else
                {
                    Add(result, ml.BinaryClassification.EvaluateNonCalibrated(scored, labelColumn));
                }

                break;
            case PredictionTask.MulticlassClassification:
                var multi = ml.MulticlassClassification.Evaluate(scored, labelColumn);
                result["micro_accuracy"] = multi.MicroAccuracy;
                result["macro_accuracy"] = multi.MacroAccuracy;
                result["log_loss"] = multi.LogLoss;
                break;
            default:
                var regression = ml.Regression.Evaluate(scored, labelColumn);
                result["rmse"] = regression.RootMeanSquaredError;
                result["mae"] = regression.MeanAbsoluteError;
                result["r_squared"] = regression.RSquared;
                break;
        }

        return result;
    }

    private static void Add(SortedDictionary<string, double> result, Microsoft.ML.Data.BinaryClassificationMetrics metrics)
    {
        result["accuracy"] = metrics.Accuracy;
        result["auc"] = metrics.AreaUnderRocCurve;
        result["f1"] = metrics.F1Score;
    }
}
