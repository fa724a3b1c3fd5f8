using System.Diagnostics.CodeAnalysis;

namespace MlValue.Runs;

/// <summary>What a step sees while it runs: the run, the outputs of the steps before it, and services.</summary>
public sealed class StepContext
{
    private readonly IReadOnlyDictionary<string, StepReference> _outputs;
    private readonly Dictionary<string, StepReference> _inputs = new(StringComparer.Ordinal);

    internal StepContext(string runId, string loopName, string stepName, string reason, int attempt, IReadOnlyDictionary<string, StepReference> outputs, IServiceProvider? services)
    {
        RunId = runId;
        StepName = stepName;
        LoopName = loopName;
        Reason = reason;
        Attempt = attempt;
        _outputs = outputs;
        Services = services;
    }

    /// <summary>The run's id.</summary>
    public string RunId { get; }

    /// <summary>The step's name.</summary>
    public string StepName { get; }

    /// <summary>
    /// The key of this step's effects, <c>loop/run/step</c>: the same for every attempt of the step in the run
    /// (retries, resumes, re-executions after a worker died) and different in any other step or run. Pass it to
    /// <c>RegisterOnceAsync</c> or <c>PromotionRequest.IdempotencyKey</c> so a re-executed step does not
    /// register or promote twice.
    /// </summary>
    public string IdempotencyKey => $"{LoopName}/{RunId}/{StepName}";

    /// <summary>The loop's name.</summary>
    public string LoopName { get; }

    /// <summary>Why the run started.</summary>
    public string Reason { get; }

    /// <summary>The attempt of this step, from 1 (retries and resumes count up).</summary>
    public int Attempt { get; }

    /// <summary>The application's services, when the loop runs from dependency injection.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Reads the id of an earlier step's output and records the output as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <returns>The id (for a plain value, the value).</returns>
    /// <exception cref="LoopDefinitionException">No earlier step produced the key.</exception>
    public string Get(string key) => GetReference(key).Id;

    /// <summary>Reads an earlier step's output as a typed reference and records it as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="LoopDefinitionException">No earlier step produced the key.</exception>
    public StepReference GetReference(string key)
    {
        if (!TryGetReference(key, out var reference))
        {
            var known = _outputs.Count == 0 ? "none" : string.Join(", ", _outputs.Keys.Order(StringComparer.Ordinal));
            throw new LoopDefinitionException($"Loop '{LoopName}', run {RunId}: no earlier step produced the output '{key}' (known outputs: {known}). Make an earlier step return it with StepResult.With((\"{key}\", value)).");
        }

        return reference;
    }

    /// <summary>Reads the id of an earlier step's output if present, recording the output as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <param name="value">The id, when present.</param>
    /// <returns>Whether the output exists.</returns>
    public bool TryGet(string key, out string value)
    {
        if (TryGetReference(key, out var reference))
        {
            value = reference.Id;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads an earlier step's output as a typed reference if present, recording it as this step's input.</summary>
    /// <param name="key">The output key.</param>
    /// <param name="reference">The reference, when present.</param>
    /// <returns>Whether the output exists.</returns>
    public bool TryGetReference(string key, [NotNullWhen(true)] out StepReference? reference)
    {
        if (_outputs.TryGetValue(key, out var found))
        {
            _inputs[key] = found;
            reference = found;
            return true;
        }

        reference = null;
        return false;
    }

    internal IReadOnlyDictionary<string, StepReference> Inputs => _inputs;
}
