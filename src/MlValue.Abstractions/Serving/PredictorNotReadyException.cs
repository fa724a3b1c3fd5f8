namespace MlValue.Serving;

/// <summary>No version of the predictor's primary alias is loaded yet: the alias is not set, or its version failed to load.</summary>
public sealed class PredictorNotReadyException : ServingException
{
    /// <summary>Creates an exception with no message.</summary>
    public PredictorNotReadyException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PredictorNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PredictorNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
