using System.Globalization;
using Cronos;

namespace MlValue.Runs;

/// <summary>
/// Fires when a cron occurrence has passed since the last run started (or since the trigger was
/// created, when the loop never ran). Expressions are parsed by Cronos: five fields, or six with seconds.
/// </summary>
public sealed class CronTrigger : ITrigger
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _origin;

    /// <summary>Creates the trigger.</summary>
    /// <param name="expression">The cron expression, for example <c>0 3 * * *</c> (every day at 03:00).</param>
    /// <param name="timeProvider">The clock; its current time is the origin when the loop never ran.</param>
    /// <param name="zone">The time zone of the expression. Default: UTC.</param>
    public CronTrigger(string expression, TimeProvider timeProvider, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            _expression = CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new LoopDefinitionException($"The cron expression '{expression}' is not valid ({ex.Message}). Use five fields (minute hour day month weekday), for example '0 3 * * *', or six with seconds first.", ex);
        }

        Expression = expression;
        _zone = zone ?? TimeZoneInfo.Utc;
        _origin = timeProvider.GetUtcNow();
    }

    /// <summary>The cron expression.</summary>
    public string Expression { get; }

    /// <inheritdoc />
    public string Name => "cron";

    /// <inheritdoc />
    public ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.LastRun?.StartedAt ?? _origin;
        var next = _expression.GetNextOccurrence(from, _zone);
        if (next is { } due && context.Now >= due)
        {
            return ValueTask.FromResult(TriggerDecision.Run(string.Create(CultureInfo.InvariantCulture, $"cron '{Expression}': occurrence {due:u} passed")));
        }

        return ValueTask.FromResult(TriggerDecision.Hold(next is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"cron '{Expression}': next occurrence {n:u}")
            : $"cron '{Expression}': no further occurrence"));
    }
}
