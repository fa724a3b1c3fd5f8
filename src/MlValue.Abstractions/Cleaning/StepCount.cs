namespace MlValue.Cleaning;

/// <summary>What one transform or rule did during a cleaning run.</summary>
public sealed class StepCount
{
    /// <summary>Creates the counts of one cleaning step.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="kind">Its kind (for example <c>rule</c> or <c>transform</c>).</param>
    /// <param name="evaluated">The records it saw.</param>
    /// <param name="changed">The records it changed.</param>
    /// <param name="rejected">The records it rejected.</param>
    public StepCount(string name, string kind, long evaluated, long changed, long rejected)
    {
        Name = name;
        Kind = kind;
        Evaluated = evaluated;
        Changed = changed;
        Rejected = rejected;
    }

    /// <summary>The name of the transform or rule.</summary>
    public string Name { get; }

    /// <summary>Its kind: <c>normalize</c>, <c>trim</c>, <c>fix</c>, <c>timestamp</c>, <c>custom</c>, <c>not-null</c>, <c>not-empty</c>, <c>range</c>, <c>one-of</c>, <c>regex</c>, <c>max-length</c>, <c>unique</c>.</summary>
    public string Kind { get; }

    /// <summary>How many records reached it (records rejected earlier do not).</summary>
    public long Evaluated { get; }

    /// <summary>For a transform, how many records it changed; 0 for a rule.</summary>
    public long Changed { get; }

    /// <summary>How many records it sent to the quarantine (a transform that could not fix a value, or a broken rule).</summary>
    public long Rejected { get; }
}
