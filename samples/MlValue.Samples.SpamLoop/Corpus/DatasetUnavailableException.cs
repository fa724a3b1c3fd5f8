namespace MlValue.Samples.SpamLoop.Corpus;

/// <summary>The corpus is not cached and cannot be fetched here; the message says exactly what to run.</summary>
public sealed class DatasetUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and the command to run.</param>
    public DatasetUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and the command to run.</param>
    /// <param name="inner">The cause.</param>
    public DatasetUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
