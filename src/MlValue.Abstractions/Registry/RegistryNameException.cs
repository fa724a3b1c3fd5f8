namespace MlValue.Registry;

/// <summary>
/// A model name, alias or attachment name is not allowed: it is empty, too long, or holds
/// characters that could escape the registry's folder (separators, <c>..</c>, control characters).
/// </summary>
public sealed class RegistryNameException : ModelRegistryException
{
    /// <summary>Creates an exception with no message.</summary>
    public RegistryNameException()
    {
    }

    /// <summary>Creates an exception with a message naming the value and the allowed pattern.</summary>
    /// <param name="message">The message.</param>
    public RegistryNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RegistryNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
