namespace MlValue.Annotation;

/// <summary>An item whose given label is probably wrong, with the label the model suggests instead.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class LabelIssue<TLabel>
{
    internal LabelIssue(string itemId, TLabel givenLabel, TLabel suggestedLabel, double selfConfidence, double suggestedProbability, int rank)
    {
        ItemId = itemId;
        GivenLabel = givenLabel;
        SuggestedLabel = suggestedLabel;
        SelfConfidence = selfConfidence;
        SuggestedProbability = suggestedProbability;
        Rank = rank;
    }

    /// <summary>The item's id.</summary>
    public string ItemId { get; }

    /// <summary>The label the item has.</summary>
    public TLabel GivenLabel { get; }

    /// <summary>The class the out-of-sample prediction confidently points to.</summary>
    public TLabel SuggestedLabel { get; }

    /// <summary>The predicted probability of the given label (lower is more suspicious).</summary>
    public double SelfConfidence { get; }

    /// <summary>The predicted probability of the suggested label.</summary>
    public double SuggestedProbability { get; }

    /// <summary>1-based rank: 1 is the most suspicious.</summary>
    public int Rank { get; }
}
