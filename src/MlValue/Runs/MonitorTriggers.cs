using MlValue.Monitoring;

namespace MlValue.Runs;

/// <summary>
/// Triggers that read a model monitor: drift and performance of the latest <em>complete</em> window (one whose end
/// is not after the time now), so a half-filled current window never fires a run.
/// </summary>
public static class MonitorTriggers
{
    /// <summary>Metric names understood by <see cref="Performance{T}"/>.</summary>
    public static IReadOnlyList<string> PerformanceMetrics { get; } = ["f1", "precision", "recall", "accuracy", "auc", "log_loss"];

    /// <summary>A <see cref="DriftTrigger"/> that fires when a feature or the prediction drifted in the latest complete window.</summary>
    /// <typeparam name="T">The monitored input type.</typeparam>
    /// <param name="monitor">The monitor.</param>
    /// <param name="window">The windows to read, for example <c>WindowSpec.Tumbling(TimeSpan.FromDays(7))</c>.</param>
    /// <param name="timeProvider">The clock that says which windows are complete; default the system clock.</param>
    /// <returns>The trigger.</returns>
    public static DriftTrigger Drift<T>(IModelMonitor<T> monitor, WindowSpec window, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var time = timeProvider ?? TimeProvider.System;
        return new DriftTrigger(_ =>
        {
            var latest = LatestComplete(monitor, window, time, w => w.Records > 0);
            IReadOnlyList<string> drifted = latest is null
                ? []
                : [.. latest.Features.Append(latest.Prediction).Where(f => f.Verdict == DriftVerdict.Drift).Select(f => f.Feature)];
            return ValueTask.FromResult(drifted);
        });
    }

    /// <summary>
    /// A <see cref="PerformanceTrigger"/> on the latest complete window whose labelled predictions reach the monitor's
    /// minimum sample size (late labels make recent windows incomplete; they are skipped until enough arrive).
    /// </summary>
    /// <typeparam name="T">The monitored input type.</typeparam>
    /// <param name="monitor">The monitor (binary predictions).</param>
    /// <param name="metric">One of <see cref="PerformanceMetrics"/>; <c>log_loss</c> is lower-is-better, the others higher.</param>
    /// <param name="threshold">The threshold: fires below it (above it for <c>log_loss</c>).</param>
    /// <param name="window">The windows to read.</param>
    /// <param name="timeProvider">The clock that says which windows are complete; default the system clock.</param>
    /// <param name="maxAge">
    /// Only windows that ended at most this long ago count (for example the label delay plus one window), so an old bad
    /// window does not fire a run every time when recent windows have too few labels; default: no limit.
    /// </param>
    /// <returns>The trigger.</returns>
    public static PerformanceTrigger Performance<T>(IModelMonitor<T> monitor, string metric, double threshold, WindowSpec window, TimeProvider? timeProvider = null, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        if (!PerformanceMetrics.Contains(metric, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The performance metric '{metric}' is unknown; use one of {string.Join(", ", PerformanceMetrics)}.", nameof(metric));
        }

        var time = timeProvider ?? TimeProvider.System;
        return new PerformanceTrigger(
            metric,
            threshold,
            _ => ValueTask.FromResult(LatestComplete(monitor, window, time, w => w.Performance.Sufficient && (maxAge is not { } age || w.End >= time.GetUtcNow() - age)) is { } latest ? Read(latest.Performance, metric) : null),
            higherIsBetter: metric != "log_loss");
    }

    /// <summary>Reads a metric from a window's performance; F1 is computed from precision and recall.</summary>
    /// <param name="performance">The window's performance.</param>
    /// <param name="metric">One of <see cref="PerformanceMetrics"/>.</param>
    /// <returns>The value, or <see langword="null"/> when undefined.</returns>
    public static double? Read(WindowPerformance performance, string metric)
    {
        ArgumentNullException.ThrowIfNull(performance);
        return metric switch
        {
            "f1" => performance.Precision is { } p && performance.Recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : null,
            "precision" => performance.Precision,
            "recall" => performance.Recall,
            "accuracy" => performance.Accuracy,
            "auc" => performance.Auc,
            "log_loss" => performance.LogLoss,
            _ => throw new ArgumentException($"The performance metric '{metric}' is unknown; use one of {string.Join(", ", PerformanceMetrics)}.", nameof(metric)),
        };
    }

    private static MonitorWindow? LatestComplete<T>(IModelMonitor<T> monitor, WindowSpec window, TimeProvider time, Func<MonitorWindow, bool> usable)
    {
        var now = time.GetUtcNow();
        var windows = monitor.GetWindows(window);
        for (var i = windows.Count - 1; i >= 0; i--)
        {
            if (windows[i].End <= now && usable(windows[i]))
            {
                return windows[i];
            }
        }

        return null;
    }
}
