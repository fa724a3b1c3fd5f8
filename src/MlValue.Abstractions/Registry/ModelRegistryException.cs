namespace MlValue.Registry;

/// <summary>A registry operation failed: a missing or corrupted artifact, an unknown version, a bad name.</summary>
public class ModelRegistryException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public ModelRegistryException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public ModelRegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
