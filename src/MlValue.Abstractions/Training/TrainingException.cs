namespace MlValue.Training;

/// <summary>
/// Training could not start or finish because of its input or its options. The message says what
/// was wrong, where (trainer, row, column, setting) and how to fix it.
/// </summary>
public class TrainingException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public TrainingException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public TrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
