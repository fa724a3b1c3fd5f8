namespace MlValue.Registry;

/// <summary>One recorded move of an alias.</summary>
public sealed class AliasMove
{
    /// <summary>The model name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The alias.</summary>
    public required string Alias { get; init; }

    /// <summary>The version it pointed to before, or <see langword="null"/> when it was not set.</summary>
    public int? FromVersion { get; init; }

    /// <summary>The version it points to after the move.</summary>
    public required int ToVersion { get; init; }

    /// <summary>When it moved.</summary>
    public required DateTimeOffset MovedAt { get; init; }

    /// <summary>Why it moved (for example the promotion decision, or a rollback reason).</summary>
    public required string Reason { get; init; }
}
