using System.Diagnostics.Metrics;
using MlValue.Internal;
using MlValue.Training;

namespace MlValue.Annotation;

/// <summary>Builds model-assisted annotators from trained models.</summary>
public static class ModelAssistedAnnotator
{
    /// <summary>
    /// Pre-labels with a binary classifier: <paramref name="positiveLabel"/> when its calibrated
    /// probability is ≥ 0.5, <paramref name="negativeLabel"/> otherwise, with confidence
    /// max(p, 1 − p); abstains when that confidence is below <paramref name="threshold"/>.
    /// </summary>
    /// <typeparam name="TItem">The item type (the model's input).</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="id">The annotator id, for example <c>spam-model@3</c>.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="model">The loaded model; thread-safe.</param>
    /// <param name="positiveLabel">The label of the positive class.</param>
    /// <param name="negativeLabel">The label of the negative class.</param>
    /// <param name="threshold">The least confidence that gives a label, in [0.5, 1] to be meaningful.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the annotator's labels and abstains are counted on; null for MlValue's shared meter.</param>
    /// <returns>The annotator.</returns>
    public static ModelAssistedAnnotator<TItem, TLabel> FromBinaryModel<TItem, TLabel>(
        string id,
        Func<TItem, string> itemId,
        IPredictionModel<TItem, BinaryPrediction> model,
        TLabel positiveLabel,
        TLabel negativeLabel,
        double threshold,
        IMeterFactory? meterFactory = null)
        where TItem : class
        where TLabel : notnull
    {
        Guard.NotNull(model);
        ArgumentNullException.ThrowIfNull(positiveLabel);
        ArgumentNullException.ThrowIfNull(negativeLabel);
        return new ModelAssistedAnnotator<TItem, TLabel>(id, itemId, item =>
        {
            double p = model.Predict(item).Probability;
            return p >= 0.5 ? (positiveLabel, p) : (negativeLabel, 1 - p);
        }, threshold, meterFactory);
    }
}
