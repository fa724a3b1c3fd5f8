namespace MlValue.Data;

/// <summary>
/// A dataset cannot be built, hashed, split or exposed (unsupported column type, missing column,
/// null split key). The message says what, where (column, row) and how to fix it.
/// </summary>
public class DatasetException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public DatasetException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
