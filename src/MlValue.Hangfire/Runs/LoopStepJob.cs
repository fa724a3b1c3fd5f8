using System.ComponentModel;
using Hangfire;
using Hangfire.Server;

namespace MlValue.Runs;

/// <summary>
/// The Hangfire job of one loop step: runs <see cref="LoopRunner.ExecuteStepAsync"/> with the job's id. A step that
/// fails is recorded as failed in the run (the job itself ends normally, and the later steps' jobs find the run
/// failed and do nothing); a worker that dies mid-step leaves the job to Hangfire, which hands it to another
/// worker once the storage's invisibility timeout passed, and the step runs again there.
/// </summary>
public sealed class LoopStepJob
{
    private readonly IReadOnlyList<LoopDefinition> _loops;
    private readonly LoopRunner _runner;

    /// <summary>Creates the job (Hangfire's activator does, from the container).</summary>
    /// <param name="loops">The loops.</param>
    /// <param name="runner">The MlValue runner.</param>
    public LoopStepJob(IEnumerable<LoopDefinition> loops, LoopRunner runner)
    {
        ArgumentNullException.ThrowIfNull(loops);
        _loops = [.. loops];
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
    }

    /// <summary>Executes one step of a run.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="stepName">The step's name.</param>
    /// <param name="holder">The run's lease holder.</param>
    /// <param name="context">Hangfire's perform context (it gives the job id); <see langword="null"/> when enqueued.</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    /// <returns>A task.</returns>
    [DisplayName("MlValue loop {0}, run {1}, step {2}")]
    [AutomaticRetry(Attempts = 3)]
    public async Task ExecuteAsync(string loopName, string runId, string stepName, string holder, PerformContext? context, CancellationToken cancellationToken)
    {
        var loop = Find(_loops, loopName);
        await _runner.ExecuteStepAsync(loop, runId, stepName, holder, context?.BackgroundJob?.Id, cancellationToken).ConfigureAwait(false);
    }

    internal static LoopDefinition Find(IReadOnlyList<LoopDefinition> loops, string loopName)
        => loops.FirstOrDefault(l => l.Name == loopName)
            ?? throw new LoopDefinitionException($"No loop named '{loopName}' is registered in this process (loops: {(loops.Count == 0 ? "none" : string.Join(", ", loops.Select(l => l.Name)))}); register it with AddLoop on every Hangfire worker.");
}

/// <summary>The recurring Hangfire job that evaluates the loops' triggers (<see cref="HangfireLoopRunner.CheckTriggersAsync"/>).</summary>
public sealed class LoopTriggerJob
{
    /// <summary>The recurring job's id.</summary>
    public const string RecurringJobId = "mlvalue-loop-triggers";

    private readonly HangfireLoopRunner _runner;

    /// <summary>Creates the job (Hangfire's activator does, from the container).</summary>
    /// <param name="runner">The Hangfire loop runner.</param>
    public LoopTriggerJob(HangfireLoopRunner runner) => _runner = runner ?? throw new ArgumentNullException(nameof(runner));

    /// <summary>Evaluates every loop's triggers once.</summary>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    /// <returns>A task.</returns>
    [DisplayName("MlValue loop triggers")]
    [AutomaticRetry(Attempts = 0)]
    public Task CheckAsync(CancellationToken cancellationToken) => _runner.CheckTriggersAsync(cancellationToken);

    /// <summary>Adds (or updates) the recurring job that evaluates the triggers on <paramref name="cronExpression"/>.</summary>
    /// <param name="recurringJobs">Hangfire's recurring job manager.</param>
    /// <param name="cronExpression">When to evaluate, as a Hangfire cron expression (for example <c>Cron.Minutely()</c>).</param>
    public static void Schedule(IRecurringJobManager recurringJobs, string cronExpression)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        ArgumentException.ThrowIfNullOrWhiteSpace(cronExpression);
        recurringJobs.AddOrUpdate<LoopTriggerJob>(RecurringJobId, j => j.CheckAsync(CancellationToken.None), cronExpression);
    }
}
