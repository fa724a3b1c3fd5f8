using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MlValue.Runs;

/// <summary>
/// Starts loop runs on Hangfire: the run is begun under the loop's lease (<see cref="LoopRunner.BeginAsync"/>,
/// the same resume-or-supersede rule as in process) and each of its steps still to run is enqueued as a
/// <see cref="LoopStepJob"/>, the first as a job and every later one as a continuation of the one before, so the
/// steps run in order on whichever workers fetch them. MlValue's run record stays the source of truth; each
/// attempt in it carries the Hangfire job id that ran it.
/// </summary>
public sealed partial class HangfireLoopRunner
{
    private readonly IReadOnlyList<LoopDefinition> _loops;
    private readonly LoopRunner _runner;
    private readonly IRunStore _store;
    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    /// <param name="loops">The loops (the workers must have the same definitions).</param>
    /// <param name="runner">The MlValue runner (its run store and lease duration).</param>
    /// <param name="store">The run store (for each loop's last run when triggers are evaluated).</param>
    /// <param name="jobs">The Hangfire client the step jobs are created with.</param>
    /// <param name="timeProvider">The clock of trigger evaluations.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    public HangfireLoopRunner(IEnumerable<LoopDefinition> loops, LoopRunner runner, IRunStore store, IBackgroundJobClient jobs, TimeProvider timeProvider, ILogger<HangfireLoopRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(loops);
        _loops = [.. loops];
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Begins (or resumes, or supersedes and begins) a run of the loop and enqueues its remaining steps as a chain
    /// of Hangfire jobs.
    /// </summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="firing">The trigger firing or direct call it runs for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run record as begun, with <see cref="HangfireRun.JobIds"/>; <see langword="null"/> when another run holds the loop's lease.</returns>
    /// <exception cref="LoopDefinitionException">No loop has that name.</exception>
    public async Task<HangfireRun?> StartAsync(string loopName, TriggerFiring firing, CancellationToken cancellationToken = default)
    {
        var loop = LoopStepJob.Find(_loops, loopName);
        var holder = "hangfire-run-" + Guid.NewGuid().ToString("N");
        var record = await _runner.BeginAsync(loop, firing, holder, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var jobIds = new List<string>();
        string? previous = null;
        foreach (var step in record.Steps.Where(s => s.Status != RunStatus.Skipped))
        {
            var name = step.Name;
            var runId = record.RunId;
            previous = previous is null
                ? _jobs.Enqueue<LoopStepJob>(j => j.ExecuteAsync(loop.Name, runId, name, holder, null, CancellationToken.None))
                : _jobs.ContinueJobWith<LoopStepJob>(previous, j => j.ExecuteAsync(loop.Name, runId, name, holder, null, CancellationToken.None));
            jobIds.Add(previous);
        }

        LogStarted(loop.Name, record.RunId, string.Join(", ", jobIds));
        return new HangfireRun { Record = record, JobIds = jobIds };
    }

    /// <summary>
    /// Evaluates every loop's triggers once and starts a run on Hangfire for each loop whose trigger fired (what the
    /// recurring <see cref="LoopTriggerJob"/> does). A trigger that throws counts as not fired. Schedulers on many
    /// processes may race: the loop's lease lets one of them start the run, the others find the loop busy.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>One outcome per loop.</returns>
    public async Task<IReadOnlyList<TriggerOutcome>> CheckTriggersAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<TriggerOutcome>(_loops.Count);
        foreach (var loop in _loops)
        {
            var runs = await _store.ListAsync(loop.Name, cancellationToken).ConfigureAwait(false);
            var context = new TriggerContext(loop.Name, _time.GetUtcNow(), runs.Count > 0 ? runs[^1] : null);
            TriggerOutcome? outcome = null;
            foreach (var trigger in loop.Triggers)
            {
                TriggerDecision decision;
                try
                {
                    decision = await trigger.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTriggerFailed(ex, loop.Name, trigger.Name);
                    decision = TriggerDecision.Hold($"{trigger.Name}: evaluation failed ({ex.GetType().Name}: {ex.Message})");
                }

                outcome = new TriggerOutcome { LoopName = loop.Name, TriggerName = trigger.Name, Decision = decision };
                if (decision.Fire)
                {
                    var firing = new TriggerFiring { Trigger = trigger.Name, Reason = decision.Reason, FiredAt = context.Now, InputsKey = decision.InputsKey };
                    var started = await StartAsync(loop.Name, firing, cancellationToken).ConfigureAwait(false);
                    outcome = new TriggerOutcome { LoopName = loop.Name, TriggerName = trigger.Name, Decision = decision, Run = started?.Record };
                    break;
                }
            }

            outcomes.Add(outcome ?? new TriggerOutcome { LoopName = loop.Name, Decision = TriggerDecision.Hold("the loop has no trigger") });
        }

        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loop {Loop}: run {RunId} enqueued on Hangfire as jobs {JobIds}.")]
    private partial void LogStarted(string loop, string runId, string jobIds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loop {Loop}: trigger {Trigger} failed to evaluate; it counts as not fired.")]
    private partial void LogTriggerFailed(Exception exception, string loop, string trigger);
}

/// <summary>A run begun on Hangfire: its record as begun and the ids of the step jobs, in order.</summary>
public sealed class HangfireRun
{
    /// <summary>The run record as begun (running, earlier successes skipped).</summary>
    public required RunRecord Record { get; init; }

    /// <summary>The Hangfire job ids of the steps still to run, in order (each a continuation of the one before).</summary>
    public required IReadOnlyList<string> JobIds { get; init; }
}
