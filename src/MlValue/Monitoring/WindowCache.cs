namespace MlValue.Monitoring;

/// <summary>
/// Merged roll-ups of aligned blocks of buckets, reused while none of their buckets changed. Each entry keeps
/// the <see cref="MonitorBucket.Version"/> of every bucket it merged (−1 for a missing one); a record, a late
/// record, an outcome or a recycled slot changes a version, so the entry is rebuilt on its next use. Bounded:
/// at most half as many entries as bucket slots (each covers at least two buckets), entries that left the
/// retention are dropped. A block is merged for one reference segment (the window's): its distributions come from the
/// buckets of that segment only (see <see cref="MonitorBucket.Merge"/>). Not thread-safe: the monitor calls it under
/// its window lock.
/// </summary>
internal sealed partial class WindowCache(BucketRing ring, Func<long, int, MonitorBucket> create, bool reuseEvaluated = true)
{
    private readonly Dictionary<(long Start, long Length, int Segment), Entry> _entries = [];

    /// <summary>Entries reused since creation (for tests and diagnostics).</summary>
    public long Hits { get; private set; }

    /// <summary>Entries built or rebuilt since creation.</summary>
    public long Builds { get; private set; }

    public int Count => _entries.Count;

    /// <summary>Merges buckets [<paramref name="start"/>, <paramref name="end"/>) into <paramref name="target"/>, using cached blocks of <paramref name="block"/> buckets (aligned to multiples of it) where they fit whole.</summary>
    public void MergeRange(MonitorBucket target, long start, long end, long block)
    {
        var index = start;
        if (block >= 2)
        {
            var first = Ceiling(start, block);
            for (; index < first && index < end; index++)
            {
                MergeBucket(target, index);
            }

            for (; index + block <= end; index += block)
            {
                target.Merge(Block(index, block, target.Segment));
            }
        }

        for (; index < end; index++)
        {
            MergeBucket(target, index);
        }
    }

    /// <summary>The merge of buckets [<paramref name="start"/>, start + <paramref name="length"/>) for <paramref name="segment"/>, from the cache when no bucket changed since it was built.</summary>
    public MonitorBucket Block(long start, long length, int segment)
    {
        if (_entries.TryGetValue((start, length, segment), out var entry) && IsCurrent(entry, start))
        {
            Hits++;
            return entry.Merged;
        }

        var merged = create(start, segment);
        var versions = new long[length];
        for (var i = 0; i < length; i++)
        {
            versions[i] = MergeBucket(merged, start + i);
        }

        merged.Seal();
        Builds++;
        Prune(start + length);
        _entries[(start, length, segment)] = new Entry(merged, versions);
        return merged;
    }

    /// <summary>Drops every entry (used when the state is reloaded).</summary>
    public void Clear()
    {
        _entries.Clear();
        _evaluated.Clear();
    }

    private static long Ceiling(long value, long multiple)
    {
        var q = Math.DivRem(value, multiple, out var r);
        return (r > 0 ? q + 1 : q) * multiple;
    }

    private bool IsCurrent(Entry entry, long start) => IsCurrent(entry.Versions, start);

    private bool IsCurrent(long[] versions, long start)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            var bucket = ring.Find(start + i);
            if ((bucket is null ? -1 : bucket.Version) != versions[i] || (bucket is not null && bucket.Index != start + i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Merges one bucket under its gate; returns the version merged, or −1 when the bucket is not retained.</summary>
    private long MergeBucket(MonitorBucket target, long index)
    {
        if (ring.Find(index) is not { } bucket)
        {
            return -1;
        }

        lock (bucket.Gate)
        {
            if (bucket.Index != index)
            {
                return -1;
            }

            target.Merge(bucket);
            return bucket.Version;
        }
    }

    private void Prune(long newestEnd)
    {
        if (_entries.Count < Math.Max(1, ring.Length / 2))
        {
            return;
        }

        var oldest = newestEnd - ring.Length;
        foreach (var key in _entries.Keys.Where(k => k.Start + k.Length <= oldest).ToList())
        {
            _entries.Remove(key);
        }

        if (_entries.Count >= Math.Max(1, ring.Length / 2))
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(MonitorBucket Merged, long[] Versions);
}
