namespace MlValue.Registry;

/// <summary>What one application of a <see cref="RetentionPolicy"/> changed.</summary>
public sealed class RetentionResult
{
    /// <summary>The model name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The versions newly archived, ascending.</summary>
    public required IReadOnlyList<int> Archived { get; init; }

    /// <summary>The versions deleted, ascending.</summary>
    public required IReadOnlyList<int> Deleted { get; init; }

    /// <summary>The older versions kept because an alias points to them, ascending.</summary>
    public required IReadOnlyList<int> KeptForAliases { get; init; }
}
