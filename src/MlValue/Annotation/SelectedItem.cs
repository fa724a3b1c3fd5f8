namespace MlValue.Annotation;

/// <summary>An item picked for labelling, with its uncertainty score (higher is more worth labelling).</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class SelectedItem<TItem>
{
    internal SelectedItem(string itemId, TItem item, double score, int rank)
    {
        ItemId = itemId;
        Item = item;
        Score = score;
        Rank = rank;
    }

    /// <summary>The item's id.</summary>
    public string ItemId { get; }

    /// <summary>The item.</summary>
    public TItem Item { get; }

    /// <summary>The uncertainty score under the chosen strategy.</summary>
    public double Score { get; }

    /// <summary>1-based rank in the selection.</summary>
    public int Rank { get; }
}
