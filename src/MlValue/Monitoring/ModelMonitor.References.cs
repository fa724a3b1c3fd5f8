namespace MlValue.Monitoring;

/// <summary>
/// The reference history: which reference applies to which buckets. A rebase takes effect from the current bucket
/// when nothing has been recorded in it yet, else from the next one; each bucket keeps the reference (and so the bin
/// edges and vocabulary) it started with, and a window is compared with the reference of its newest bucket.
/// </summary>
public sealed partial class ModelMonitor<T>
{
    private readonly Lock _rebaseGate = new();
    private ReferenceSegment[] _segments;

    /// <summary>The reference history, oldest first: which model version's reference applies from when, or why there is none.</summary>
    public IReadOnlyList<MonitorReference> References => [.. Volatile.Read(ref _segments).Select(s => s.ToPublic(_width))];

    /// <summary>
    /// Makes <paramref name="profile"/> (the reference of model version <paramref name="version"/>) the reference from
    /// the current bucket if nothing has been recorded in it yet, else from the next bucket; earlier buckets keep theirs,
    /// so windows before the change are still compared with the old reference. With a null profile, later windows get
    /// "no reference" verdicts whose reason is <paramref name="reason"/>. Rebasing to what already applies does nothing.
    /// Thread-safe; records in flight land with the reference of their bucket.
    /// </summary>
    /// <param name="version">The model version the reference belongs to, or null when it is not tied to one.</param>
    /// <param name="profile">The reference profile, built with the monitor's schema; or null for none.</param>
    /// <param name="reason">Why there is no reference (used when <paramref name="profile"/> is null). Default: "no reference profile".</param>
    /// <returns>The entry of <see cref="References"/> that applies from now on.</returns>
    /// <exception cref="MonitoringException">The profile was built for another schema.</exception>
    public MonitorReference Rebase(string? version, ReferenceProfile? profile, string? reason = null)
    {
        profile?.EnsureMatches(_empty.Schema, Name);
        lock (_rebaseGate)
        {
            var segments = _segments;
            var last = segments[^1];
            if (last.Says(version, profile?.ToBytes(), reason))
            {
                return last.ToPublic(_width);
            }

            ReferenceSegment next;
            lock (_ring.Gate)
            {
                var from = Math.Max(_time.GetUtcNow().UtcTicks / _width, _ring.Newest() is { } newest ? newest + 1 : long.MinValue);
                next = new ReferenceSegment(segments.Length, from, version, profile, reason, _empty, _options);
                Volatile.Write(ref _segments, [.. segments, next]);
            }

            return next.ToPublic(_width);
        }
    }

    private MonitorBucket NewBucket(long index, int segment)
        => new(Volatile.Read(ref _segments)[segment].Layout, _options.CategoryCap, index, segment);

    /// <summary>The history entry that applies to bucket <paramref name="index"/>: the last one starting at or before it.</summary>
    private int SegmentFor(long index)
    {
        var segments = Volatile.Read(ref _segments);
        var i = segments.Length - 1;
        while (i > 0 && segments[i].FromIndex > index)
        {
            i--;
        }

        return i;
    }

    /// <summary>The reference segment a window of buckets [first, end) is compared with: its newest non-empty retained bucket's, else the one that applies to its last bucket.</summary>
    /// <remarks>The other replicas' buckets of the window (<paramref name="replicas"/>) count as its buckets too.</remarks>
    private int WindowSegment(long first, long end, SortedDictionary<long, List<MonitorBucket>> replicas)
    {
        var oldest = Math.Max(first, end - _ring.Length);
        for (var index = end - 1; index >= oldest; index--)
        {
            if (_ring.Find(index) is { IsEmpty: false } bucket)
            {
                return bucket.Segment;
            }

            if (replicas.TryGetValue(index, out var stored))
            {
                return stored[^1].Segment;
            }
        }

        return SegmentFor(end - 1);
    }
}
