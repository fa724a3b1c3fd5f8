namespace MlValue.Runs;

/// <summary>Decides whether a loop should run now. Implement it for a signal of your own.</summary>
public interface ITrigger
{
    /// <summary>The trigger's name, shown in run reasons.</summary>
    string Name { get; }

    /// <summary>Evaluates the trigger.</summary>
    /// <param name="context">The loop, the time now, and its last run.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>Whether to run, and why.</returns>
    ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default);
}
