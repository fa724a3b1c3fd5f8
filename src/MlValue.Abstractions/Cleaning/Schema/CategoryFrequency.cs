namespace MlValue.Cleaning;

/// <summary>One category of a categorical column and how often the reference set held it.</summary>
public sealed class CategoryFrequency
{
    /// <summary>The value.</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>How many non-empty rows held it.</summary>
    public long Count { get; init; }

    /// <summary>Its share of the non-empty rows.</summary>
    public double Share { get; init; }
}
