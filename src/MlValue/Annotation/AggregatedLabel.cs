namespace MlValue.Annotation;

/// <summary>The label decided for one item from several annotators' votes.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class AggregatedLabel<TLabel>
{
    internal AggregatedLabel(string itemId, bool isAbstain, TLabel? label, double confidence, bool isTie, IReadOnlyList<Annotation<TLabel>> votes)
    {
        ItemId = itemId;
        IsAbstain = isAbstain;
        Label = label;
        Confidence = confidence;
        IsTie = isTie;
        Votes = votes;
    }

    /// <summary>The item's id.</summary>
    public string ItemId { get; }

    /// <summary><see langword="true"/> when no label was decided (all abstained, zero weight, or a tie under <see cref="TieBreak.Abstain"/>).</summary>
    public bool IsAbstain { get; }

    /// <summary>The decided label; default when <see cref="IsAbstain"/>.</summary>
    public TLabel? Label { get; }

    /// <summary>The winning label's share of the (weighted) non-abstain votes, in [0, 1]; 0 when abstaining.</summary>
    public double Confidence { get; }

    /// <summary><see langword="true"/> when two or more labels shared the top score.</summary>
    public bool IsTie { get; }

    /// <summary><see langword="true"/> when the non-abstain votes name more than one label.</summary>
    public bool IsConflict => Votes.Where(v => !v.IsAbstain).Select(v => v.LabelText).Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>All the votes behind the decision, abstains included, in the order given.</summary>
    public IReadOnlyList<Annotation<TLabel>> Votes { get; }

    /// <summary>The label as invariant text, or <c>(abstain)</c>.</summary>
    public string LabelText => IsAbstain ? "(abstain)" : LabelFormat.Format(Label);
}
