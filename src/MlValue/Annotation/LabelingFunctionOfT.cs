using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// A labeling function (as in Snorkel weak supervision): a named rule that votes a label for an
/// item or abstains. Compose several into a <see cref="RuleAnnotator{TItem, TLabel}"/>.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class LabelingFunction<TItem, TLabel>
{
    private readonly Func<TItem, RuleVote<TLabel>> _apply;

    /// <summary>Creates a labeling function.</summary>
    /// <param name="name">A unique, readable name, shown in the analysis and used as annotator id of its votes.</param>
    /// <param name="apply">The rule: returns <see cref="RuleVote.For{TLabel}"/> or <see cref="RuleVote.Abstain{TLabel}"/>.</param>
    public LabelingFunction(string name, Func<TItem, RuleVote<TLabel>> apply)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        _apply = Guard.NotNull(apply);
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>Applies the rule to one item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The vote; a <see langword="null"/> return is treated as an abstain.</returns>
    public RuleVote<TLabel> Apply(TItem item) => _apply(item) ?? RuleVote.Abstain<TLabel>();
}
