namespace MlValue.Serving;

/// <summary>One entry of a predictor's swap log: a version swapped in, or a load that failed.</summary>
public sealed class ServingEvent
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The arm concerned.</summary>
    public required ServingArm Arm { get; init; }

    /// <summary>The alias concerned.</summary>
    public required string Alias { get; init; }

    /// <summary>The version served before, or <see langword="null"/> when none was.</summary>
    public int? FromVersion { get; init; }

    /// <summary>The version the alias points to, or <see langword="null"/> when the registry could not be asked.</summary>
    public int? ToVersion { get; init; }

    /// <summary>Whether the swap happened.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Why it failed (the error message); empty when it succeeded.</summary>
    public required string Error { get; init; }
}
