namespace MlValue.Monitoring;

/// <summary>A monitoring operation failed: a bad window, a schema that does not match its reference or its saved state, a corrupted state file.</summary>
public class MonitoringException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public MonitoringException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public MonitoringException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MonitoringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
