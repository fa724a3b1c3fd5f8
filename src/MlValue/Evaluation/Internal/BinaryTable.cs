using System.Globalization;
using MlValue.Training;

namespace MlValue.Evaluation.Internal;

internal sealed class BinaryTable(string modelName, IReadOnlyList<string> classNames) : PredictionTable<BinaryPrediction, bool>
{
    private readonly List<bool> _labels = [];
    private readonly List<float> _scores = [];
    private readonly List<float> _probabilities = [];
    private readonly List<bool> _predicted = [];

    public override int Count => _labels.Count;

    public IReadOnlyList<bool> Labels => _labels;

    public IReadOnlyList<float> Scores => _scores;

    public IReadOnlyList<float> Probabilities => _probabilities;

    public IReadOnlyList<bool> Predicted => _predicted;

    public override double Add(BinaryPrediction prediction, bool label, int row)
    {
        if (prediction is null)
        {
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' returned no prediction (null) for holdout row {row}; a model must return a BinaryPrediction for every input."));
        }

        if (float.IsNaN(prediction.Score))
        {
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' returned Score NaN for holdout row {row}; AUC ranks rows by Score, so it must be a number. Check the model's features for missing values."));
        }

        if (!(prediction.Probability >= 0f && prediction.Probability <= 1f))
        {
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' returned Probability {prediction.Probability} for holdout row {row}; it must be a number in [0, 1]. Use a calibrated trainer or fill Probability in the model."));
        }

        _labels.Add(label);
        _scores.Add(prediction.Score);
        _probabilities.Add(prediction.Probability);
        _predicted.Add(prediction.PredictedLabel);
        return ClippedLogLoss(label ? prediction.Probability : 1.0 - prediction.Probability);
    }

    public override IReadOnlyList<MetricValue> Metrics(IReadOnlyList<int>? rows)
        => BinaryMetrics.Compute(this, rows ?? AllRows(Count));

    public override string LabelText(int row) => ClassName(_labels[row]);

    public override string PredictionText(int row)
        => string.Create(CultureInfo.InvariantCulture, $"{ClassName(_predicted[row])} (p={_probabilities[row]:0.000})");

    public string ClassName(bool positive) => classNames[positive ? 1 : 0];

    public IReadOnlyList<string> ClassNames => classNames;
}
