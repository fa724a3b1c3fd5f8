namespace MlValue.Registry;

/// <summary>A compare-and-swap alias move found the alias pointing elsewhere than expected.</summary>
public sealed class AliasConflictException : ModelRegistryException
{
    /// <summary>Creates an exception with no message.</summary>
    public AliasConflictException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AliasConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AliasConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
