namespace MlValue.Training;

/// <summary>
/// An artifact could not be loaded into a model: unknown format, corrupted content, or a prediction
/// type that does not fit the model. No half-loaded model is ever returned.
/// </summary>
public class ModelLoadException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public ModelLoadException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public ModelLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
