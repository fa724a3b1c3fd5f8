namespace MlValue.Monitoring;

/// <summary>Options of the monitoring stage, bound from <c>MlValue:Monitoring</c> and validated at start-up.</summary>
public class MonitoringOptions
{
    /// <summary>The width of one event-time bucket. Windows are merges of whole buckets. Default: 1 hour.</summary>
    public TimeSpan BucketWidth { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after a bucket ends (by the monitor's clock) records may still land in it; later records are counted as late and not stored. Default: 2 hours.</summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How much event time is kept; older buckets are reused, so memory is bounded by (Retention / BucketWidth) × features. Default: 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The fewest non-null values a window (and the reference) needs before a drift verdict is given; below it the verdict is "insufficient data". Default: 100 values.</summary>
    public int MinSampleSize { get; set; } = 100;

    /// <summary>The significance level of the Kolmogorov–Smirnov and chi-square tests. Default: 0.05.</summary>
    public double PValueThreshold { get; set; } = 0.05;

    /// <summary>The population stability index at or above which a distribution counts as moved. Default: 0.1.</summary>
    public double PsiThreshold { get; set; } = 0.1;

    /// <summary>The Jensen–Shannon distance (base 2, in [0, 1]) at or above which a distribution counts as moved. Default: 0.1.</summary>
    public double JensenShannonThreshold { get; set; } = 0.1;

    /// <summary>How far the share of text tokens unseen in the reference vocabulary may rise above the reference's own held-out share before a text feature is flagged. Default: 0.1 (10 percentage points).</summary>
    public double UnseenTokenShareMargin { get; set; } = 0.1;

    /// <summary>How many distinct categories per feature and bucket are counted exactly; later new categories go to "other". Default: 100 categories.</summary>
    public int CategoryCap { get; set; } = 100;

    /// <summary>The probability at or above which a binary prediction counts as positive for the confusion counts. Default: 0.5.</summary>
    public double DecisionThreshold { get; set; } = 0.5;

    /// <summary>The most predictions waiting for their outcome; when full, the oldest is evicted and counted. Default: 100,000 predictions.</summary>
    public int PendingOutcomeCapacity { get; set; } = 100_000;

    /// <summary>How long a prediction waits for its outcome before it expires and is counted. Default: 14 days.</summary>
    public TimeSpan OutcomeExpiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Whether an evaluated window is kept and served again while none of its buckets changed (the
    /// merged panes are cached either way). Turn it off to keep less in memory when every report asks
    /// for different windows. Default: <see langword="true"/>.
    /// </summary>
    public bool ReuseEvaluatedWindows { get; set; } = true;

    /// <summary>
    /// The id under which this process's buckets are shared through an <see cref="IMonitorBucketStore"/> (1 to 100 letters,
    /// digits, '.', '-' or '_'); null for the default, the machine name and the process id (<c>&lt;machine&gt;-&lt;pid&gt;</c>):
    /// distinct for every process running at once, and readable in the store. Set a stable id (for example the name of a
    /// stateful replica) when the state folder outlives the process, so a restarted process that reloads its buckets
    /// replaces its earlier rows instead of adding to them. Default: null.
    /// </summary>
    public string? ReplicaId { get; set; }

    /// <summary>
    /// How often the buckets changed since the last flush are written to the shared <see cref="IMonitorBucketStore"/> (when the
    /// monitor has one), and the store's buckets older than <see cref="Retention"/> deleted; <see cref="TimeSpan.Zero"/>
    /// flushes only on <c>SaveAsync</c> and on dispose. Default: 1 minute.
    /// </summary>
    public TimeSpan BucketFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the state is saved to its file; <see cref="TimeSpan.Zero"/> saves only on demand and on dispose. Default: 5 minutes.</summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMinutes(5);
}
