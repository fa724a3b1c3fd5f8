using System.Globalization;

namespace MlValue.Runs;

/// <summary>Fires when the interval has passed since the last run started (or when the loop never ran).</summary>
public sealed class IntervalTrigger : ITrigger
{
    /// <summary>Creates the trigger.</summary>
    /// <param name="interval">The interval; positive.</param>
    public IntervalTrigger(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
    }

    /// <summary>The interval.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public string Name => "interval";

    /// <inheritdoc />
    public ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.LastRun is null)
        {
            return ValueTask.FromResult(TriggerDecision.Run("interval: the loop has never run"));
        }

        var due = context.LastRun.StartedAt + Interval;
        return ValueTask.FromResult(context.Now >= due
            ? TriggerDecision.Run(string.Create(CultureInfo.InvariantCulture, $"interval: {Interval} passed since the last run at {context.LastRun.StartedAt:u}"))
            : TriggerDecision.Hold(string.Create(CultureInfo.InvariantCulture, $"interval: next run due at {due:u}")));
    }
}
