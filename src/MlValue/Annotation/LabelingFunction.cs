namespace MlValue.Annotation;

/// <summary>Shortcuts for common labeling functions.</summary>
public static class LabelingFunction
{
    /// <summary>Votes <paramref name="label"/> with full confidence when <paramref name="predicate"/> holds; abstains otherwise.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The rule's name.</param>
    /// <param name="predicate">When the rule applies.</param>
    /// <param name="label">The label it votes.</param>
    /// <returns>The labeling function.</returns>
    public static LabelingFunction<TItem, TLabel> When<TItem, TLabel>(string name, Func<TItem, bool> predicate, TLabel label)
        => When(name, predicate, label, 1.0);

    /// <summary>Votes <paramref name="label"/> with <paramref name="confidence"/> when <paramref name="predicate"/> holds; abstains otherwise.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="name">The rule's name.</param>
    /// <param name="predicate">When the rule applies.</param>
    /// <param name="label">The label it votes.</param>
    /// <param name="confidence">How sure the rule is, in [0, 1].</param>
    /// <returns>The labeling function.</returns>
    public static LabelingFunction<TItem, TLabel> When<TItem, TLabel>(string name, Func<TItem, bool> predicate, TLabel label, double confidence)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var vote = RuleVote.For(label, confidence);
        return new LabelingFunction<TItem, TLabel>(name, item => predicate(item) ? vote : RuleVote.Abstain<TLabel>());
    }
}
