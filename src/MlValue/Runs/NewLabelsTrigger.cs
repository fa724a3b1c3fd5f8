using System.Globalization;

namespace MlValue.Runs;

/// <summary>Fires when at least N new labelled records arrived since the last run started.</summary>
public sealed class NewLabelsTrigger : ITrigger
{
    private readonly Func<DateTimeOffset?, CancellationToken, ValueTask<long>> _countLabelledSince;

    /// <summary>Creates the trigger.</summary>
    /// <param name="threshold">The least number of new labelled records that starts a run; at least 1.</param>
    /// <param name="countLabelledSince">
    /// Counts the labelled records that arrived after the given time (<see langword="null"/>: all of them);
    /// for example a query on the annotation store or on the monitor's outcome counts.
    /// </param>
    public NewLabelsTrigger(long threshold, Func<DateTimeOffset?, CancellationToken, ValueTask<long>> countLabelledSince)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentNullException.ThrowIfNull(countLabelledSince);
        Threshold = threshold;
        _countLabelledSince = countLabelledSince;
    }

    /// <summary>The least number of new labelled records that starts a run.</summary>
    public long Threshold { get; }

    /// <inheritdoc />
    public string Name => "new-labels";

    /// <inheritdoc />
    public async ValueTask<TriggerDecision> EvaluateAsync(TriggerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = await _countLabelledSince(context.LastRun?.StartedAt, cancellationToken).ConfigureAwait(false);
        var reason = string.Create(CultureInfo.InvariantCulture, $"new-labels: {count} new labelled record(s) since the last run, threshold {Threshold}");
        return count >= Threshold ? TriggerDecision.Run(reason) : TriggerDecision.Hold(reason);
    }
}
