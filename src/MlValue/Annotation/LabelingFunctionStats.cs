namespace MlValue.Annotation;

/// <summary>The statistics of one labeling function (columns as in Snorkel's LFAnalysis).</summary>
public sealed class LabelingFunctionStats
{
    /// <summary>The rule's name.</summary>
    public required string Name { get; init; }

    /// <summary>The distinct labels the rule voted, as invariant text, sorted ordinally.</summary>
    public required IReadOnlyList<string> Polarity { get; init; }

    /// <summary>Share of items the rule labelled (did not abstain on), in [0, 1].</summary>
    public required double Coverage { get; init; }

    /// <summary>Share of all items that the rule and at least one other rule both labelled, in [0, 1] (Snorkel's overlaps).</summary>
    public required double Overlaps { get; init; }

    /// <summary>Share of all items that the rule labelled and another rule labelled differently, in [0, 1] (Snorkel's conflicts).</summary>
    public required double Conflicts { get; init; }

    /// <summary>Labelled items whose gold label the rule matched; <see langword="null"/> without gold labels.</summary>
    public int? Correct { get; init; }

    /// <summary>Labelled items whose gold label the rule missed; <see langword="null"/> without gold labels.</summary>
    public int? Incorrect { get; init; }

    /// <summary>Correct / (Correct + Incorrect); <see langword="null"/> without gold labels or when the rule labelled no gold item.</summary>
    public double? EmpiricalAccuracy { get; init; }
}
