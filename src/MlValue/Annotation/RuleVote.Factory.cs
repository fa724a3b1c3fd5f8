namespace MlValue.Annotation;

/// <summary>Creates <see cref="RuleVote{TLabel}"/> values inside labeling functions.</summary>
public static class RuleVote
{
    /// <summary>The rule applies and votes for <paramref name="label"/>.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="label">The label; not <see langword="null"/>.</param>
    /// <param name="confidence">How sure the rule is, in [0, 1].</param>
    /// <returns>The vote.</returns>
    public static RuleVote<TLabel> For<TLabel>(TLabel label, double confidence)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (double.IsNaN(confidence) || confidence < 0 || confidence > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A rule's confidence must be in [0, 1].");
        }

        return new RuleVote<TLabel>(false, label, confidence);
    }

    /// <summary>The rule does not apply to the item.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <returns>The abstain vote.</returns>
    public static RuleVote<TLabel> Abstain<TLabel>() => AbstainVote<TLabel>.Instance;

    private static class AbstainVote<TLabel>
    {
        public static readonly RuleVote<TLabel> Instance = new(true, default, 0);
    }
}
