namespace MlValue.Registry;

/// <summary>
/// The registry's metadata store cannot be used: <c>registry.db</c> is missing beside existing artifacts,
/// empty, not a database, damaged, or still locked after every busy retry. The message names the file,
/// the operation and what to do; nothing was changed, and the registry never starts over on its own.
/// </summary>
public sealed class RegistryStoreException : ModelRegistryException
{
    /// <summary>Creates an exception with no message.</summary>
    public RegistryStoreException()
    {
    }

    /// <summary>Creates an exception with a message that names the file, the operation and the remedy.</summary>
    /// <param name="message">The message.</param>
    public RegistryStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RegistryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The metadata file concerned (<c>registry.db</c>), when known.</summary>
    public string? StorePath { get; init; }

    /// <summary>The registry operation that failed, for example <c>RegisterAsync</c>, when known.</summary>
    public string? Operation { get; init; }
}
