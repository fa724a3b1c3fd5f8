namespace MlValue.Runs;

/// <summary>One named step of a loop (collect, clean, annotate, train, evaluate, register, promote, …).</summary>
public sealed class LoopStep
{
    internal LoopStep(string name, Func<StepContext, CancellationToken, ValueTask<StepResult>> execute, StepResilienceOptions resilience)
    {
        Name = name;
        Execute = execute;
        Resilience = resilience;
    }

    /// <summary>The step's name, unique within its loop.</summary>
    public string Name { get; }

    /// <summary>The work. It receives the run's context and a token that a timeout or the caller cancels.</summary>
    public Func<StepContext, CancellationToken, ValueTask<StepResult>> Execute { get; }

    /// <summary>How the step is retried and timed out.</summary>
    public StepResilienceOptions Resilience { get; }
}
