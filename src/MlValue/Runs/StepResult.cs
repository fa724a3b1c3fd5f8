namespace MlValue.Runs;

/// <summary>What a step produced: the ids that later steps and the run record see.</summary>
public sealed class StepResult
{
    private StepResult(IReadOnlyDictionary<string, string> outputs) => Outputs = outputs;

    /// <summary>A result with no outputs.</summary>
    public static StepResult Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The outputs, by key (for example <c>dataset</c> → <c>ds-…</c>, <c>version</c> → <c>3</c>).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    /// <summary>Creates a result with outputs.</summary>
    /// <param name="outputs">Key/value pairs; keys must be unique.</param>
    /// <returns>The result.</returns>
    public static StepResult With(params (string Key, string Value)[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key);
            if (!map.TryAdd(key, value ?? string.Empty))
            {
                throw new ArgumentException($"The step output key '{key}' is given twice; give each output a distinct key.", nameof(outputs));
            }
        }

        return new StepResult(map);
    }
}
