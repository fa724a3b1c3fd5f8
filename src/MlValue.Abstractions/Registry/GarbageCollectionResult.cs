namespace MlValue.Registry;

/// <summary>What one garbage collection of the artifact store removed.</summary>
public sealed class GarbageCollectionResult
{
    /// <summary>The addresses (SHA-256) of the blobs deleted, in ordinal order.</summary>
    public required IReadOnlyList<string> DeletedBlobs { get; init; }

    /// <summary>How many blobs are still referenced and were kept.</summary>
    public required int KeptBlobs { get; init; }

    /// <summary>How many temporary files left by interrupted writes were deleted.</summary>
    public required int RemovedTempFiles { get; init; }
}
