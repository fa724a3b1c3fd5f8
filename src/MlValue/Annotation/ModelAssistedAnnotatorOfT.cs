using System.Diagnostics.Metrics;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// Pre-labels items with a model: the model's label when its confidence reaches the threshold,
/// an abstain otherwise (so only sure pre-labels are used and the rest go to people).
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ModelAssistedAnnotator<TItem, TLabel> : IAnnotator<TItem, TLabel>
    where TLabel : notnull
{
    private readonly Func<TItem, string> _itemId;
    private readonly Func<TItem, (TLabel Label, double Confidence)> _predict;
    private readonly AnnotationTelemetry _telemetry;

    /// <summary>Creates a model-assisted annotator from a prediction delegate.</summary>
    /// <param name="id">The annotator id, for example the model name and version.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="predict">The model: a label and its confidence in [0, 1] for an item.</param>
    /// <param name="threshold">The least confidence that gives a label, in [0, 1]; below it the annotator abstains.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter its labels and abstains are counted on; null for MlValue's shared meter.</param>
    public ModelAssistedAnnotator(string id, Func<TItem, string> itemId, Func<TItem, (TLabel Label, double Confidence)> predict, double threshold, IMeterFactory? meterFactory = null)
    {
        Id = Guard.NotNullOrWhiteSpace(id);
        _itemId = Guard.NotNull(itemId);
        _predict = Guard.NotNull(predict);
        _telemetry = MlValueMeter.For(meterFactory).Annotation;
        if (double.IsNaN(threshold) || threshold < 0 || threshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The confidence threshold of model-assisted annotator '{id}' must be in [0, 1].");
        }

        Threshold = threshold;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <summary>The least confidence that gives a label, in [0, 1].</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<Annotation<TLabel>>> AnnotateAsync(IEnumerable<TItem> items, CancellationToken cancellationToken = default)
    {
        using var activity = AnnotationTelemetry.Start("mlvalue.annotation.model", Id);
        var keyed = ItemKeys.Collect(items, _itemId, $"Model-assisted annotator '{Id}'");
        var result = new List<Annotation<TLabel>>(keyed.Count);
        foreach (var (itemId, item) in keyed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (label, confidence) = Predict(itemId, item);
            result.Add(confidence >= Threshold
                ? Annotations.Of(itemId, Id, label, confidence)
                : Annotations.Abstain<TLabel>(itemId, Id));
        }

        _telemetry.Record(Id, result);
        return Task.FromResult<IReadOnlyList<Annotation<TLabel>>>(result);
    }

    private (TLabel Label, double Confidence) Predict(string itemId, TItem item)
    {
        (TLabel Label, double Confidence) prediction;
        try
        {
            prediction = _predict(item);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new AnnotationException($"Model-assisted annotator '{Id}' failed to predict item '{itemId}': {error.Message}", error);
        }

        if (prediction.Label is null || double.IsNaN(prediction.Confidence) || prediction.Confidence < 0 || prediction.Confidence > 1)
        {
            throw new AnnotationException(
                $"Model-assisted annotator '{Id}' gave item '{itemId}' label '{LabelFormat.Format(prediction.Label)}' with confidence {prediction.Confidence}; the label must be set and the confidence in [0, 1] (use a calibrated probability).");
        }

        return prediction;
    }
}
