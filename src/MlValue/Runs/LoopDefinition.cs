namespace MlValue.Runs;

/// <summary>A loop: its ordered steps and the triggers that start a run. Build one with <see cref="LoopBuilder"/>.</summary>
public sealed class LoopDefinition
{
    internal LoopDefinition(string name, IReadOnlyList<LoopStep> steps, IReadOnlyList<ITrigger> triggers)
    {
        Name = name;
        Steps = steps;
        Triggers = triggers;
    }

    /// <summary>The loop's name.</summary>
    public string Name { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<LoopStep> Steps { get; }

    /// <summary>The triggers, evaluated in order; the first that fires starts a run.</summary>
    public IReadOnlyList<ITrigger> Triggers { get; }
}
