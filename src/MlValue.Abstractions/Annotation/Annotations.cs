using System.Globalization;
using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>Creates <see cref="Annotation{TLabel}"/> values.</summary>
public static class Annotations
{
    /// <summary>A label for an item.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="itemId">The item's id.</param>
    /// <param name="annotatorId">Who labelled it.</param>
    /// <param name="label">The label; not <see langword="null"/> (use <see cref="Abstain{TLabel}"/> instead).</param>
    /// <param name="confidence">How sure the annotator is, in [0, 1].</param>
    /// <returns>The annotation.</returns>
    public static Annotation<TLabel> Of<TLabel>(string itemId, string annotatorId, TLabel label, double confidence)
    {
        Guard.NotNullOrWhiteSpace(itemId);
        Guard.NotNullOrWhiteSpace(annotatorId);
        if (label is null)
        {
            throw new ArgumentNullException(nameof(label), $"The label of item '{itemId}' by '{annotatorId}' is null; use Annotations.Abstain to say 'no label'.");
        }

        LabelFormat.CheckConfidence(confidence, itemId, annotatorId);
        return new Annotation<TLabel>(itemId, annotatorId, isAbstain: false, label, confidence);
    }

    /// <summary>An explicit abstain: the annotator saw the item and chose not to label it.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="itemId">The item's id.</param>
    /// <param name="annotatorId">Who abstained.</param>
    /// <returns>The annotation.</returns>
    public static Annotation<TLabel> Abstain<TLabel>(string itemId, string annotatorId)
    {
        Guard.NotNullOrWhiteSpace(itemId);
        Guard.NotNullOrWhiteSpace(annotatorId);
        return new Annotation<TLabel>(itemId, annotatorId, isAbstain: true, default, 0);
    }
}
