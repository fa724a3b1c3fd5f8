namespace MlValue.Runs;

/// <summary>A loop definition or a step's use of it is wrong (duplicate step, missing output, bad name).</summary>
public sealed class LoopDefinitionException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public LoopDefinitionException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public LoopDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LoopDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
