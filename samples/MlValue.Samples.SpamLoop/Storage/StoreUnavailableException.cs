namespace MlValue.Samples.SpamLoop.Storage;

/// <summary>The chosen store cannot be used as configured; the message says what to pass or run.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to provide it.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to provide it.</param>
    /// <param name="inner">The cause.</param>
    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
