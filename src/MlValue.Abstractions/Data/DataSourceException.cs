namespace MlValue.Data;

/// <summary>
/// A data source cannot be read at all (missing folder, unreadable file, corrupt checkpoint,
/// stale commit). The message says what, where and how to fix it. Bad lines inside a readable
/// file are not exceptions: they are <see cref="DataReadError"/> entries of the batch.
/// </summary>
public class DataSourceException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public DataSourceException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public DataSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
