namespace MlValue.Serving;

/// <summary>A serving operation failed: a predictor not ready, an unknown format, a missing registration.</summary>
public class ServingException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public ServingException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public ServingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ServingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
