namespace MlValue.Training;

/// <summary>
/// A rule baseline was loaded without its rule. A delegate cannot be serialised, so the rule
/// must be supplied again at load time under the name the artifact records.
/// </summary>
public class MissingBaselineRuleException : ModelLoadException
{
    /// <summary>Creates an exception with no message.</summary>
    public MissingBaselineRuleException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public MissingBaselineRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingBaselineRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
