namespace MlValue.State;

/// <summary>A state store could not load or save a document; the message names the key, the store and the remedy.</summary>
public class StateStoreException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public StateStoreException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public StateStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
