using System.Globalization;

namespace MlValue.Annotation;

/// <summary>
/// One annotator's answer for one item: a label with a confidence in [0, 1], or an explicit abstain.
/// Create with <see cref="Annotations.Of{TLabel}"/> or <see cref="Annotations.Abstain{TLabel}"/>.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class Annotation<TLabel>
{
    internal Annotation(string itemId, string annotatorId, bool isAbstain, TLabel? label, double confidence)
    {
        ItemId = itemId;
        AnnotatorId = annotatorId;
        IsAbstain = isAbstain;
        Label = label;
        Confidence = confidence;
    }

    /// <summary>The id of the annotated item.</summary>
    public string ItemId { get; }

    /// <summary>Who gave the answer: a rule annotator, a model, a labeling function or a person.</summary>
    public string AnnotatorId { get; }

    /// <summary><see langword="true"/> when the annotator chose not to label the item.</summary>
    public bool IsAbstain { get; }

    /// <summary>The label; the type's default when <see cref="IsAbstain"/> is <see langword="true"/>.</summary>
    public TLabel? Label { get; }

    /// <summary>How sure the annotator is, in [0, 1]; 0 for an abstain.</summary>
    public double Confidence { get; }

    /// <summary>The label as invariant text, or <c>(abstain)</c>.</summary>
    public string LabelText => IsAbstain ? "(abstain)" : LabelFormat.Format(Label);

    /// <inheritdoc />
    public override string ToString()
        => IsAbstain
            ? string.Create(CultureInfo.InvariantCulture, $"{ItemId}: abstain by {AnnotatorId}")
            : string.Create(CultureInfo.InvariantCulture, $"{ItemId}: {LabelText} ({Confidence:0.###}) by {AnnotatorId}");
}
