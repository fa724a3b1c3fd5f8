using MlValue.Internal;

namespace MlValue.Runs;

/// <summary>Builds a <see cref="LoopDefinition"/>: steps in the order added, then triggers.</summary>
public sealed class LoopBuilder
{
    private readonly List<LoopStep> _steps = [];
    private readonly List<ITrigger> _triggers = [];

    /// <summary>Starts a loop definition.</summary>
    /// <param name="name">The loop's name: letters, digits, '.', '-' and '_'.</param>
    public LoopBuilder(string name)
    {
        Name = CheckName(name, "loop");
    }

    /// <summary>The loop's name.</summary>
    public string Name { get; }

    /// <summary>The resilience used by steps added without their own. Default: 2 retries from 2 s, 30 min per attempt.</summary>
    public StepResilienceOptions DefaultResilience { get; } = new();

    /// <summary>Adds a step.</summary>
    /// <param name="name">The step's name, unique in the loop.</param>
    /// <param name="execute">The work.</param>
    /// <param name="resilience">Changes to this step's retry and timeout, applied to a copy of <see cref="DefaultResilience"/>.</param>
    /// <returns>This builder.</returns>
    public LoopBuilder AddStep(string name, Func<StepContext, CancellationToken, ValueTask<StepResult>> execute, Action<StepResilienceOptions>? resilience = null)
    {
        ArgumentNullException.ThrowIfNull(execute);
        CheckName(name, "step");
        if (_steps.Exists(s => s.Name == name))
        {
            throw new LoopDefinitionException($"Loop '{Name}' already has a step named '{name}'; give each step a distinct name.");
        }

        var options = DefaultResilience.Clone();
        resilience?.Invoke(options);
        options.Validate($"Loop '{Name}', step '{name}'");
        _steps.Add(new LoopStep(name, execute, options));
        return this;
    }

    /// <summary>Adds a trigger that starts a run when it fires.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This builder.</returns>
    public LoopBuilder AddTrigger(ITrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _triggers.Add(trigger);
        return this;
    }

    /// <summary>Builds the definition.</summary>
    /// <returns>The loop definition.</returns>
    /// <exception cref="LoopDefinitionException">The loop has no step.</exception>
    public LoopDefinition Build()
    {
        if (_steps.Count == 0)
        {
            throw new LoopDefinitionException($"Loop '{Name}' has no step; add at least one with AddStep(name, execute).");
        }

        return new LoopDefinition(Name, [.. _steps], [.. _triggers]);
    }

    private static string CheckName(string name, string what)
    {
        if (!SafeName.IsValid(name, 64, letterOrDigitFirst: true))
        {
            throw new LoopDefinitionException($"The {what} name {SafeName.Visible(name)} is not valid: use 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }

        return name;
    }
}
