using System.Diagnostics.Metrics;
using MlValue.Cleaning.Rules;
using MlValue.Cleaning.Transforms;
using MlValue.Diagnostics;

namespace MlValue.Cleaning;

/// <summary>
/// Declares, in a fluent and typed way, the transforms and rules of a cleaning run over records of
/// type <typeparamref name="T"/>, then <see cref="Build"/>s the cleaner. Transforms run first, in the
/// order declared, and change records; rules run next, in the order declared, and the first rule a
/// record breaks sends it to the quarantine. Property expressions are compiled once, here.
/// </summary>
/// <typeparam name="T">The record type: a class with public properties.</typeparam>
public sealed partial class CleaningRules<T>
    where T : class
{
    private readonly List<TransformStep<T>> _transforms = [];
    private readonly List<RecordRule<T>> _rules = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts an empty set of rules.</summary>
    /// <returns>A new builder.</returns>
    public static CleaningRules<T> Create() => new();

    /// <summary>The names of the transforms then the rules, in the order they run.</summary>
    public IReadOnlyList<string> Names => [.. _transforms.Select(t => t.Name), .. _rules.Select(r => r.Name)];

    /// <summary>Builds the cleaner. The builder can be changed and built again afterwards.</summary>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the cleaner's records and quarantines are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>A cleaner that is safe to run from several threads at once (each run has its own state).</returns>
    public IRecordCleaner<T> Build(IMeterFactory? meterFactory = null) => new RecordCleaner<T>([.. _transforms], [.. _rules], MlValueMeter.For(meterFactory));

    private CleaningRules<T> Add(TransformStep<T> transform)
    {
        Claim(transform.Name);
        _transforms.Add(transform);
        return this;
    }

    private CleaningRules<T> Add(RecordRule<T> rule)
    {
        Claim(rule.Name);
        _rules.Add(rule);
        return this;
    }

    private void Claim(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CleaningException($"A cleaning rule or transform on {typeof(T).Name} has an empty name. Give it a name that says what it checks.");
        }

        if (!_names.Add(name))
        {
            throw new CleaningException(
                $"The cleaning rules on {typeof(T).Name} already have a rule or transform named '{name}'. " +
                "Names key the report and the quarantine, so give each one its own name (the name parameter).");
        }
    }
}
