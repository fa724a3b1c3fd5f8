using System.Globalization;
using MlValue.Training;

namespace MlValue.Evaluation.Internal;

internal sealed class MulticlassTable : PredictionTable<MulticlassPrediction, string>
{
    private readonly string _modelName;
    private readonly Dictionary<string, int> _index;
    private readonly List<int> _labels = [];
    private readonly List<int> _predicted = [];
    private readonly List<float> _truthProbability = [];
    private readonly ClassAlignment? _alignment;

    /// <param name="modelName">The model's name, for messages.</param>
    /// <param name="classNames">The holdout's classes: the truth every model is measured against.</param>
    /// <param name="modelClasses">The model's classes in score order, when it names them; scores are then aligned by name.</param>
    public MulticlassTable(string modelName, IReadOnlyList<string> classNames, IReadOnlyList<string>? modelClasses)
    {
        _modelName = modelName;
        ClassNames = classNames;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classNames.Count; i++)
        {
            if (!_index.TryAdd(classNames[i], i))
            {
                throw new EvaluationException($"Class '{classNames[i]}' appears twice in the holdout's ClassNames; list each class once.");
            }
        }

        _alignment = modelClasses is null ? null : ClassAlignment.Create(modelName, classNames, modelClasses);
    }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The holdout's classes the model has no score for (it never predicts them).</summary>
    public IReadOnlyList<string> UnknownToModel => _alignment?.Missing ?? [];

    private IReadOnlyList<string> ScoreNames => _alignment?.ModelClasses ?? ClassNames;

    public override int Count => _labels.Count;

    public IReadOnlyList<int> Labels => _labels;

    public IReadOnlyList<int> Predicted => _predicted;

    public override double Add(MulticlassPrediction prediction, string label, int row)
    {
        if (prediction?.Score is null)
        {
            throw Error(row, "returned no prediction (or a null Score); a model must return a MulticlassPrediction with one probability per class for every input");
        }

        var truth = Find(label, row, "label");
        var predicted = Find(prediction.PredictedLabel, row, "predicted label");
        if (prediction.Score.Length != ScoreNames.Count)
        {
            throw Error(row, _alignment is null
                ? $"returned {prediction.Score.Length} scores but the holdout names {ClassNames.Count} classes; ClassNames must list the model's classes in its order, or name the model's own classes with WithClassNames to align them by name"
                : $"returned {prediction.Score.Length} scores but the model names {ScoreNames.Count} classes [{string.Join(", ", ScoreNames)}]; its class list must match its scores");
        }

        for (var c = 0; c < prediction.Score.Length; c++)
        {
            var q = prediction.Score[c];
            if (!(q >= 0f && q <= 1f))
            {
                throw Error(row, $"returned probability {q.ToString(CultureInfo.InvariantCulture)} for class '{ScoreNames[c]}'; probabilities must be numbers in [0, 1]");
            }
        }

        var p = _alignment is null ? prediction.Score[truth] : _alignment.Probability(prediction.Score, truth);

        _labels.Add(truth);
        _predicted.Add(predicted);
        _truthProbability.Add(p);
        return ClippedLogLoss(p);
    }

    public override IReadOnlyList<MetricValue> Metrics(IReadOnlyList<int>? rows)
    {
        rows ??= AllRows(Count);
        var correct = 0;
        double logLoss = 0;
        var support = new int[ClassNames.Count];
        var hits = new int[ClassNames.Count];
        var predictedAs = new int[ClassNames.Count];
        foreach (var i in rows)
        {
            support[_labels[i]]++;
            predictedAs[_predicted[i]]++;
            if (_labels[i] == _predicted[i])
            {
                correct++;
                hits[_labels[i]]++;
            }

            logLoss += ClippedLogLoss(_truthProbability[i]);
        }

        var present = Enumerable.Range(0, ClassNames.Count).Where(c => support[c] > 0).ToArray();
        var seen = Enumerable.Range(0, ClassNames.Count).Where(c => support[c] + predictedAs[c] > 0).ToArray();
        return
        [
            MetricValue.Of(MetricNames.MicroAccuracy, (double)correct / rows.Count),
            MetricValue.Of(MetricNames.MacroAccuracy, present.Average(c => (double)hits[c] / support[c])),
            MetricValue.Of(MetricNames.MacroF1, seen.Average(c => 2.0 * hits[c] / (support[c] + predictedAs[c]))),
            MetricValue.Of(MetricNames.LogLoss, logLoss / rows.Count),
        ];
    }

    public override string LabelText(int row) => ClassNames[_labels[row]];

    public override string PredictionText(int row)
        => string.Create(CultureInfo.InvariantCulture, $"{ClassNames[_predicted[row]]} (p[{ClassNames[_labels[row]]}]={_truthProbability[row]:0.000})");

    private int Find(string? name, int row, string what)
        => name is not null && _index.TryGetValue(name, out var i)
            ? i
            : throw Error(row, $"has {what} '{name}', which is not one of the holdout's ClassNames [{string.Join(", ", ClassNames)}]; add the class (a class may have no rows) or fix the record");

    private EvaluationException Error(int row, string what)
        => new(string.Create(CultureInfo.InvariantCulture, $"Model '{_modelName}' on holdout row {row}: the row {what}."));
}
