namespace MlValue.Cleaning;

/// <summary>A record the cleaning run rejected, with the rule or transform that rejected it and why.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class QuarantinedRecord<T>
    where T : class
{
    /// <summary>Creates a quarantine entry.</summary>
    /// <param name="record">The rejected record (null when the input held a null).</param>
    /// <param name="index">Its 0-based position in the input.</param>
    /// <param name="position">Where it came from, for people (for example <c>inbox/a.csv:12</c>).</param>
    /// <param name="rule">The name of the rule or transform that rejected it.</param>
    /// <param name="reason">Why, with the offending value.</param>
    public QuarantinedRecord(T? record, long index, string position, string rule, string reason)
    {
        Record = record;
        Index = index;
        Position = position;
        Rule = rule;
        Reason = reason;
    }

    /// <summary>The record as it was when rejected (after the transforms that ran before); null when the input held a null.</summary>
    public T? Record { get; }

    /// <summary>The zero-based index of the record in the input.</summary>
    public long Index { get; }

    /// <summary>The position of the record in its source, for example <c>mails.jsonl:12</c> or the index.</summary>
    public string Position { get; }

    /// <summary>The name of the rule or transform that rejected the record.</summary>
    public string Rule { get; }

    /// <summary>Why, in words, with the offending value abbreviated.</summary>
    public string Reason { get; }
}
