namespace MlValue.Runs;

/// <summary>The run store could not be read or written.</summary>
public sealed class RunStoreException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public RunStoreException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public RunStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RunStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
