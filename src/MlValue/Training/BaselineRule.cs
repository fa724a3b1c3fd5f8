namespace MlValue.Training;

/// <summary>
/// A named user rule for the no-ML baseline (for example "subject mentions money → spam").
/// A delegate cannot be serialised: the artifact records only the <see cref="Name"/>, and the
/// same rule must be supplied again to <see cref="BaselineModelFormat"/> at load time.
/// </summary>
public abstract class BaselineRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">The name recorded in the artifact; also the key used at load time.</param>
    protected BaselineRule(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The rule's name, recorded in the artifact and in <see cref="TrainedModel.TrainerName"/>.</summary>
    public string Name { get; }

    /// <summary>The record type the rule reads.</summary>
    public abstract Type RecordType { get; }
}
