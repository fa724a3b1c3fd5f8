namespace MlValue.Annotation;

/// <summary>What a vote does when two or more labels get the same top score.</summary>
public enum TieBreak
{
    /// <summary>The item gets an abstain (default): a tie is no decision.</summary>
    Abstain = 0,

    /// <summary>The tied label whose votes have the highest summed confidence wins; a remaining tie goes to the ordinally smallest label text.</summary>
    HighestConfidence = 1,
}
