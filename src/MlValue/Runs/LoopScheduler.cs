using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MlValue.Diagnostics;

namespace MlValue.Runs;

/// <summary>
/// Evaluates the triggers of each loop and runs the loop when one fires. The hosted service calls
/// <see cref="CheckAsync"/> on an interval; applications and tests may call it directly.
/// </summary>
public sealed partial class LoopScheduler
{
    private readonly IReadOnlyList<LoopDefinition> _loops;
    private readonly LoopRunner _runner;
    private readonly IRunStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RunMetrics _metrics;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="loops">The loops with their triggers.</param>
    /// <param name="runner">The runner.</param>
    /// <param name="store">The run store (for each loop's last run).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter trigger errors are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    public LoopScheduler(IEnumerable<LoopDefinition> loops, LoopRunner runner, IRunStore store, TimeProvider timeProvider, ILogger<LoopScheduler>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(loops);
        _loops = [.. loops];
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = MlValueMeter.For(meterFactory).Runs;
    }

    /// <summary>Evaluates every loop's triggers once, in order, and runs each loop whose trigger fired.</summary>
    /// <param name="cancellationToken">Cancels the check and any run it started.</param>
    /// <returns>One outcome per loop.</returns>
    public async Task<IReadOnlyList<TriggerOutcome>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<TriggerOutcome>(_loops.Count);
        foreach (var loop in _loops)
        {
            var runs = await _store.ListAsync(loop.Name, cancellationToken).ConfigureAwait(false);
            var context = new TriggerContext(loop.Name, _time.GetUtcNow(), runs.Count > 0 ? runs[^1] : null);
            TriggerOutcome? outcome = null;
            foreach (var trigger in loop.Triggers)
            {
                var decision = await EvaluateAsync(trigger, context, cancellationToken).ConfigureAwait(false);
                outcome = new TriggerOutcome { LoopName = loop.Name, TriggerName = trigger.Name, Decision = decision };
                if (decision.Fire)
                {
                    var firing = new TriggerFiring { Trigger = trigger.Name, Reason = decision.Reason, FiredAt = context.Now, InputsKey = decision.InputsKey };
                    var run = await _runner.RunTriggeredAsync(loop, firing, cancellationToken).ConfigureAwait(false);
                    outcome = new TriggerOutcome { LoopName = loop.Name, TriggerName = trigger.Name, Decision = decision, Run = run };
                    break;
                }
            }

            outcomes.Add(outcome ?? new TriggerOutcome { LoopName = loop.Name, Decision = TriggerDecision.Hold("the loop has no trigger") });
        }

        return outcomes;
    }

    private async Task<TriggerDecision> EvaluateAsync(ITrigger trigger, TriggerContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await trigger.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTriggerFailed(ex, context.LoopName, trigger.Name);
            _metrics.TriggerErrors.Add(1, new("mlvalue.loop", context.LoopName), new("mlvalue.trigger", trigger.Name));
            return TriggerDecision.Hold($"{trigger.Name}: evaluation failed ({ex.GetType().Name}: {ex.Message})");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loop {Loop}: trigger {Trigger} failed to evaluate; it counts as not fired.")]
    private partial void LogTriggerFailed(Exception exception, string loop, string trigger);
}
