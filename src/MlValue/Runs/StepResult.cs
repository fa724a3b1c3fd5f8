namespace MlValue.Runs;

/// <summary>What a step produced: the typed references (dataset ids, model versions, decisions, values) that later steps and the run record see.</summary>
public sealed class StepResult
{
    private StepResult(IReadOnlyDictionary<string, StepReference> outputs) => Outputs = outputs;

    /// <summary>A result with no outputs.</summary>
    public static StepResult Empty { get; } = new(new Dictionary<string, StepReference>());

    /// <summary>The outputs, by key (for example <c>dataset</c> → the dataset <c>ds-…</c>, <c>version</c> → <c>spam@3</c>).</summary>
    public IReadOnlyDictionary<string, StepReference> Outputs { get; }

    /// <summary>Creates a result of plain values (each becomes a <see cref="StepReferenceKind.Value"/> reference).</summary>
    /// <param name="outputs">Key/value pairs; keys must be unique.</param>
    /// <returns>The result.</returns>
    public static StepResult With(params (string Key, string Value)[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return Build(outputs.Select(o => (o.Key, StepReference.Value(o.Value))));
    }

    /// <summary>Creates a result of typed references (<see cref="StepReference.Dataset"/>, <see cref="StepReference.ModelVersion"/>, …).</summary>
    /// <param name="outputs">Key/reference pairs; keys must be unique.</param>
    /// <returns>The result.</returns>
    public static StepResult With(params (string Key, StepReference Reference)[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return Build(outputs);
    }

    private static StepResult Build(IEnumerable<(string Key, StepReference Reference)> outputs)
    {
        var map = new Dictionary<string, StepReference>(StringComparer.Ordinal);
        foreach (var (key, reference) in outputs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(outputs));
            ArgumentNullException.ThrowIfNull(reference, nameof(outputs));
            if (!map.TryAdd(key, reference))
            {
                throw new ArgumentException($"The step output key '{key}' is given twice; give each output a distinct key.", nameof(outputs));
            }
        }

        return new StepResult(map);
    }
}
