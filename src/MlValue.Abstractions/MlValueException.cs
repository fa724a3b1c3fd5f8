namespace MlValue;

/// <summary>
/// The base type of every error MlValue raises on purpose. Each stage derives its own
/// failure family from it, and every message says what was wrong, where, and how to fix it.
/// </summary>
public class MlValueException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public MlValueException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public MlValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MlValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
