namespace MlValue.Annotation;

/// <summary>What a labeling function says about one item: a label with a confidence, or abstain.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class RuleVote<TLabel>
{
    internal RuleVote(bool isAbstain, TLabel? label, double confidence)
    {
        IsAbstain = isAbstain;
        Label = label;
        Confidence = confidence;
    }

    /// <summary><see langword="true"/> when the rule does not apply to the item.</summary>
    public bool IsAbstain { get; }

    /// <summary>The label, when the rule applies.</summary>
    public TLabel? Label { get; }

    /// <summary>How sure the rule is, in [0, 1].</summary>
    public double Confidence { get; }
}
