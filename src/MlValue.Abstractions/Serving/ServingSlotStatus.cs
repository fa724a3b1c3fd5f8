namespace MlValue.Serving;

/// <summary>What one arm of a predictor serves.</summary>
public sealed class ServingSlotStatus
{
    /// <summary>The arm.</summary>
    public required ServingArm Arm { get; init; }

    /// <summary>The alias the arm follows.</summary>
    public required string Alias { get; init; }

    /// <summary>The version it serves, or <see langword="null"/> before its first successful load.</summary>
    public int? Version { get; init; }

    /// <summary>When that version was swapped in.</summary>
    public DateTimeOffset? LoadedAt { get; init; }
}
