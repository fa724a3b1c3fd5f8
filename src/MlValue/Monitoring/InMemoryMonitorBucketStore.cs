namespace MlValue.Monitoring;

/// <summary>
/// The in-process <see cref="IMonitorBucketStore"/>: the buckets of every replica of every monitor in a dictionary,
/// for monitors that share one process (and for tests of the merge). Thread-safe; payloads are copied on save and
/// on read, so a caller's array is never shared.
/// </summary>
public sealed class InMemoryMonitorBucketStore : IMonitorBucketStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<(string Monitor, long Start, string Replica), byte[]> _rows = new(KeyComparer.Instance);

    /// <summary>The number of stored buckets, over every monitor and replica.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(string monitor, IReadOnlyList<StoredMonitorBucket> buckets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        ArgumentNullException.ThrowIfNull(buckets);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var bucket in buckets)
            {
                ArgumentNullException.ThrowIfNull(bucket);
                ArgumentException.ThrowIfNullOrEmpty(bucket.Replica);
                ArgumentNullException.ThrowIfNull(bucket.Payload);
                _rows[(monitor, bucket.BucketStart.UtcTicks, bucket.Replica)] = [.. bucket.Payload];
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredMonitorBucket>> ReadAsync(string monitor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StoredMonitorBucket> rows = [.. _rows
                .Where(r => r.Key.Monitor == monitor && r.Key.Start >= from.UtcTicks && r.Key.Start < to.UtcTicks)
                .Select(r => new StoredMonitorBucket(r.Key.Replica, new DateTimeOffset(r.Key.Start, TimeSpan.Zero), [.. r.Value]))];
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteOlderThanAsync(string monitor, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var old = _rows.Keys.Where(k => k.Monitor == monitor && k.Start < cutoff.UtcTicks).ToList();
            foreach (var key in old)
            {
                _rows.Remove(key);
            }

            return Task.FromResult(old.Count);
        }
    }

    private sealed class KeyComparer : IComparer<(string Monitor, long Start, string Replica)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Monitor, long Start, string Replica) x, (string Monitor, long Start, string Replica) y)
        {
            var c = string.CompareOrdinal(x.Monitor, y.Monitor);
            if (c == 0)
            {
                c = x.Start.CompareTo(y.Start);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Replica, y.Replica);
        }
    }
}
