namespace MlValue.Serving;

/// <summary>An artifact names a format id for which no <see cref="MlValue.Training.IModelFormat"/> is registered.</summary>
public sealed class UnknownModelFormatException : ServingException
{
    /// <summary>Creates an exception with no message.</summary>
    public UnknownModelFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnknownModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
