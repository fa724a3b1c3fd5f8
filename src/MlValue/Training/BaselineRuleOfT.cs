namespace MlValue.Training;

/// <summary>A named binary rule over records of type <typeparamref name="TRecord"/>.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public sealed class BaselineRule<TRecord> : BaselineRule
    where TRecord : class
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">The name recorded in the artifact; also the key used at load time.</param>
    /// <param name="isPositive">Returns <see langword="true"/> when the record belongs to the positive class.</param>
    public BaselineRule(string name, Func<TRecord, bool> isPositive)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(isPositive);
        IsPositive = isPositive;
    }

    /// <summary>The rule.</summary>
    public Func<TRecord, bool> IsPositive { get; }

    /// <inheritdoc/>
    public override Type RecordType => typeof(TRecord);
}
