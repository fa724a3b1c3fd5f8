using System.Globalization;
using MlValue.Training;

namespace MlValue.Evaluation.Internal;

internal sealed class RegressionTable(string modelName) : PredictionTable<RegressionPrediction, float>
{
    private readonly List<float> _labels = [];
    private readonly List<float> _scores = [];

    public override int Count => _labels.Count;

    public override double Add(RegressionPrediction prediction, float label, int row)
    {
        if (prediction is null || !float.IsFinite(prediction.Score))
        {
            var value = prediction is null ? "no prediction (null)" : "Score " + prediction.Score.ToString(CultureInfo.InvariantCulture);
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' returned {value} for holdout row {row}; a regression model must return a finite number. Check the row's features for missing values."));
        }

        if (!float.IsFinite(label))
        {
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"Holdout row {row} has label {label}; regression labels must be finite numbers. Clean or drop the row before evaluating."));
        }

        _labels.Add(label);
        _scores.Add(prediction.Score);
        return Math.Abs((double)prediction.Score - label);
    }

    public override IReadOnlyList<MetricValue> Metrics(IReadOnlyList<int>? rows)
    {
        rows ??= AllRows(Count);
        double squared = 0, absolute = 0, mean = rows.Average(i => (double)_labels[i]), total = 0;
        foreach (var i in rows)
        {
            var error = (double)_scores[i] - _labels[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (_labels[i] - mean) * (_labels[i] - mean);
        }

        var r2 = total == 0
            ? MetricValue.Undefined(MetricNames.RSquared, string.Create(CultureInfo.InvariantCulture, $"all {rows.Count} labels are equal, so R² divides by a zero variance"))
            : MetricValue.Of(MetricNames.RSquared, 1 - (squared / total));
        return
        [
            MetricValue.Of(MetricNames.Rmse, Math.Sqrt(squared / rows.Count)),
            MetricValue.Of(MetricNames.Mae, absolute / rows.Count),
            r2,
        ];
    }

    public override string LabelText(int row) => _labels[row].ToString("0.####", CultureInfo.InvariantCulture);

    public override string PredictionText(int row) => _scores[row].ToString("0.####", CultureInfo.InvariantCulture);
}
