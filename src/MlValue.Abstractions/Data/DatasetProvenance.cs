namespace MlValue.Data;

/// <summary>Where a dataset came from: its source, the window it covers, and the datasets it was derived from.</summary>
public sealed class DatasetProvenance
{
    /// <summary>The name of the source (a data source name, a file, a table). Required.</summary>
    public required string Source { get; init; }

    /// <summary>The start of the window of data the dataset covers, if known. Default: <see langword="null"/>.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>The end of the window of data the dataset covers, if known. Default: <see langword="null"/>.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>The ids of the datasets this one was derived from (a split or a cleaned set records its parent). Default: empty.</summary>
    public IReadOnlyList<string> ParentIds { get; init; } = [];

    /// <summary>How the dataset was derived from its parents, for example <c>split train 0.8/0.1/0.1 by key hash</c>. Default: <see langword="null"/>.</summary>
    public string? Derivation { get; init; }

    /// <summary>The provenance of a dataset derived from one with this provenance (a split, a filter).</summary>
    /// <param name="parentId">The id of the parent dataset.</param>
    /// <param name="derivation">How it was derived, for people (for example <c>split train 0.8/0.1/0.1 by key hash</c>).</param>
    /// <returns>The derived provenance: same source and window, the parent recorded.</returns>
    public DatasetProvenance Derive(string parentId, string derivation) => new()
    {
        Source = Source,
        WindowStart = WindowStart,
        WindowEnd = WindowEnd,
        ParentIds = [parentId],
        Derivation = derivation,
    };
}
