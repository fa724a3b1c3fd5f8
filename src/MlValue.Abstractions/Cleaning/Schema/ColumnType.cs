namespace MlValue.Cleaning;

/// <summary>The type of a column in an inferred <see cref="DataSchema"/>.</summary>
public enum ColumnType
{
    /// <summary>Any integer, floating-point or decimal number; compared as a double.</summary>
    Number,

    /// <summary>True/false; its categories are <c>True</c> and <c>False</c>.</summary>
    Boolean,

    /// <summary>A <see cref="DateTime"/> or <see cref="DateTimeOffset"/>; compared in UTC.</summary>
    Timestamp,

    /// <summary>A string with few distinct values in the reference set (at most <see cref="CleaningOptions.MaxCategories"/>).</summary>
    Categorical,

    /// <summary>A string with many distinct values: free text, checked by length.</summary>
    Text,
}
