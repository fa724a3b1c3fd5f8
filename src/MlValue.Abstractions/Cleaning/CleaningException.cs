namespace MlValue.Cleaning;

/// <summary>
/// Raised when cleaning or validation is set up wrongly (a rule on an expression that is not a
/// property, a schema that cannot be read); bad records never raise it, they are quarantined.
/// </summary>
public class CleaningException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public CleaningException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public CleaningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CleaningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
