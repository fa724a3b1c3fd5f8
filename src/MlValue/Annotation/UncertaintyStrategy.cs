namespace MlValue.Annotation;

/// <summary>How active learning scores an item's worth of labelling from its predicted class probabilities.</summary>
public enum UncertaintyStrategy
{
    /// <summary>1 − max p: the least confident prediction first (for two classes: closest to 0.5). Default.</summary>
    LeastConfidence = 0,

    /// <summary>Shannon entropy −Σ p ln p (nats): the most spread-out prediction first.</summary>
    Entropy = 1,

    /// <summary>1 − (p₁ − p₂) with p₁, p₂ the two largest probabilities: the smallest margin first.</summary>
    Margin = 2,
}
