namespace MlValue.Runs;

/// <summary>What a step sees while it runs: the run, the outputs of the steps before it, and services.</summary>
public sealed class StepContext
{
    private readonly IReadOnlyDictionary<string, string> _outputs;
    private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);

    internal StepContext(string runId, string loopName, string reason, int attempt, IReadOnlyDictionary<string, string> outputs, IServiceProvider? services)
    {
        RunId = runId;
        LoopName = loopName;
        Reason = reason;
        Attempt = attempt;
        _outputs = outputs;
        Services = services;
    }

    /// <summary>The run's id.</summary>
    public string RunId { get; }

    /// <summary>The loop's name.</summary>
    public string LoopName { get; }

    /// <summary>Why the run started.</summary>
    public string Reason { get; }

    /// <summary>The attempt of this step, from 1 (retries and resumes count up).</summary>
    public int Attempt { get; }

    /// <summary>The application's services, when the loop runs from dependency injection.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Reads an output of an earlier step and records it as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="LoopDefinitionException">No earlier step produced the key.</exception>
    public string Get(string key)
    {
        if (!TryGet(key, out var value))
        {
            var known = _outputs.Count == 0 ? "none" : string.Join(", ", _outputs.Keys.Order(StringComparer.Ordinal));
            throw new LoopDefinitionException($"Loop '{LoopName}', run {RunId}: no earlier step produced the output '{key}' (known outputs: {known}). Make an earlier step return it with StepResult.With((\"{key}\", value)).");
        }

        return value;
    }

    /// <summary>Reads an output of an earlier step if present, recording it as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the output exists.</returns>
    public bool TryGet(string key, out string value)
    {
        if (_outputs.TryGetValue(key, out var found))
        {
            _inputs[key] = found;
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }

    internal IReadOnlyDictionary<string, string> Inputs => _inputs;
}
