namespace MlValue.Cleaning.Rules;

/// <summary>
/// One rejection rule. <see cref="Passes"/> runs on every record and must not allocate;
/// <see cref="Reason"/> runs only for a rejected record.
/// </summary>
internal abstract class RecordRule<T>(string name, string kind)
    where T : class
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    /// <summary>True when this rule keeps state across records (and needs <see cref="Accept"/>).</summary>
    public virtual bool IsStateful => false;

    /// <summary>The rule for one run: stateful rules return a fresh copy.</summary>
    public virtual RecordRule<T> Start(Func<T?, long, string> positionOf) => this;

    public abstract bool Passes(T record);

    public abstract string Reason(T record);

    /// <summary>Called when the record passed every rule and is kept clean.</summary>
    public virtual void Accept(T record, long index)
    {
    }
}
