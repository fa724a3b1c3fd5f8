namespace MlValue.Registry;

/// <summary>
/// A stored artifact or attachment is missing, or its bytes do not hash to the SHA-256 recorded
/// at registration. Nothing is returned: a model is never half-loaded.
/// </summary>
public sealed class ArtifactIntegrityException : ModelRegistryException
{
    /// <summary>Creates an exception with no message.</summary>
    public ArtifactIntegrityException()
    {
    }

    /// <summary>Creates an exception with a message that names the model, version and hashes.</summary>
    /// <param name="message">The message.</param>
    public ArtifactIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ArtifactIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SHA-256 the content should have, when known.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The SHA-256 the stored content has, or <see langword="null"/> when it is missing.</summary>
    public string? ActualSha256 { get; init; }

    /// <summary>What is wrong at the blob's path when no hash could be taken (missing, a link, a directory, the wrong size).</summary>
    public string? Problem { get; init; }
}
