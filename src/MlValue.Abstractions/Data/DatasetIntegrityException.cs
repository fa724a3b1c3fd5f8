namespace MlValue.Data;

/// <summary>
/// A stored dataset does not match its content id: its file or row was damaged, truncated or replaced.
/// The message names the id and where the content is kept.
/// </summary>
public sealed class DatasetIntegrityException : DatasetException
{
    /// <summary>Creates an exception with no message.</summary>
    public DatasetIntegrityException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public DatasetIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id that was asked for.</summary>
    public string? DatasetId { get; init; }

    /// <summary>Where the content is kept (a file path or a table row).</summary>
    public string? Location { get; init; }
}
