namespace MlValue.Training;

/// <summary>
/// No <see cref="IModelFormat"/> is registered for the artifact's format id. The message names
/// the unknown id and the known ones.
/// </summary>
public class UnknownModelFormatException : ModelLoadException
{
    /// <summary>Creates an exception with no message.</summary>
    public UnknownModelFormatException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public UnknownModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
