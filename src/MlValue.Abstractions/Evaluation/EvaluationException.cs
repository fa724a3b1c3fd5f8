namespace MlValue.Evaluation;

/// <summary>
/// Raised when a model cannot be evaluated or compared: an empty holdout, a prediction that is
/// not a number, evaluations that were not made on the same holdout, a policy naming an unknown
/// metric. The message says what was wrong, where (model, row, metric) and how to fix it.
/// </summary>
public class EvaluationException : MlValueException
{
    /// <summary>Creates an exception with no message.</summary>
    public EvaluationException()
    {
    }

    /// <summary>Creates an exception with a message that says what, where and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public EvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
