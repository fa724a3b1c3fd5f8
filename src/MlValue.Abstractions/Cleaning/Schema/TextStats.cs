namespace MlValue.Cleaning;

/// <summary>The observed lengths of a text column (non-empty values, in UTF-16 characters).</summary>
public sealed class TextStats
{
    /// <summary>The shortest length.</summary>
    public int MinLength { get; init; }

    /// <summary>The longest length.</summary>
    public int MaxLength { get; init; }

    /// <summary>The mean length.</summary>
    public double MeanLength { get; init; }
}
