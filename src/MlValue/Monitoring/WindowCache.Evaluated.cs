namespace MlValue.Monitoring;

/// <summary>
/// Evaluated windows, reused while none of their buckets changed: the same change counters as the merged
/// blocks, read before the merge (a change after the read makes the entry stale, never wrong). Bounded like the
/// blocks: entries that left the retention are dropped, and all are dropped when they reach the slot count.
/// </summary>
internal sealed partial class WindowCache
{
    private readonly Dictionary<(long Start, long End, long Block, int Segment), EvaluatedEntry> _evaluated = [];

    /// <summary>Evaluated windows reused since creation (for tests and diagnostics).</summary>
    public long EvaluatedHits { get; private set; }

    /// <summary>
    /// The window of buckets [<paramref name="start"/>, <paramref name="end"/>) merged through blocks of <paramref name="block"/>
    /// (part of the key: another grouping may compact the quantile sketches differently): cached when none of its
    /// retained buckets changed, else <paramref name="evaluate"/>'s; <paramref name="segment"/> is the reference segment it is evaluated against.
    /// </summary>
    public MonitorWindow Evaluated(long start, long end, long block, int segment, Func<MonitorWindow> evaluate)
    {
        if (!reuseEvaluated)
        {
            return evaluate();
        }

        var first = Math.Max(start, end - ring.Length);
        if (_evaluated.TryGetValue((start, end, block, segment), out var entry) && IsCurrent(entry.Versions, first))
        {
            EvaluatedHits++;
            return entry.Window;
        }

        var versions = new long[Math.Max(0, end - first)];
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = ring.Find(first + i) is { } bucket ? bucket.Version : -1;
        }

        var window = evaluate();
        PruneEvaluated(end);
        _evaluated[(start, end, block, segment)] = new EvaluatedEntry(window, versions);
        return window;
    }

    private void PruneEvaluated(long newestEnd)
    {
        if (_evaluated.Count < ring.Length)
        {
            return;
        }

        var oldest = newestEnd - ring.Length;
        foreach (var key in _evaluated.Keys.Where(k => k.End <= oldest).ToList())
        {
            _evaluated.Remove(key);
        }

        if (_evaluated.Count >= ring.Length)
        {
            _evaluated.Clear();
        }
    }

    private sealed record EvaluatedEntry(MonitorWindow Window, long[] Versions);
}
