namespace MlValue.Runs;

/// <summary>Fires once after <see cref="Request"/> is called, then waits for the next request.</summary>
public sealed class ManualTrigger : ITrigger
{
    private string? _pending;

    /// <inheritdoc />
    public string Name => "manual";

    /// <summary>Asks for a run at the next evaluation.</summary>
    /// <param name="reason">Why, for the run record.</param>
    public void Request(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Volatile.Write(ref _pending, reason);
    }

    /// <inheritdoc />
    public ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        var reason = Interlocked.Exchange(ref _pending, null);
        return ValueTask.FromResult(reason is null ? TriggerDecision.Hold("manual: no request") : TriggerDecision.Run($"manual: {reason}"));
    }
}
