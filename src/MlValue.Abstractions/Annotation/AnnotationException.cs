namespace MlValue.Annotation;

/// <summary>
/// An annotation failed: a rule threw, a model gave a confidence outside [0, 1], an item id was
/// repeated, the task-queue state is unreadable, or a weight is missing. The message says which
/// rule, item, annotator, file or line, and how to fix it.
/// </summary>
public class AnnotationException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public AnnotationException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public AnnotationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AnnotationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
