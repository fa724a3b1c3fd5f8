namespace MlValue.Monitoring;

/// <summary>
/// The retained buckets: one slot per bucket of the retention; a slot is reused (reset, not reallocated)
/// when a newer bucket needs it. Readers confirm a bucket's index under its gate, since a slot may be
/// recycled between lookup and lock.
/// </summary>
internal sealed class BucketRing
{
    private readonly MonitorBucket?[] _slots;
    private readonly Lock _gate = new();
    private readonly Func<long, MonitorBucket> _create;

    public BucketRing(int length, Func<long, MonitorBucket> create)
    {
        _slots = new MonitorBucket?[length];
        _create = create;
    }

    public int Length => _slots.Length;

    /// <summary>The bucket for <paramref name="index"/>, creating or recycling its slot; null when a newer bucket holds the slot.</summary>
    public MonitorBucket? Acquire(long index)
    {
        var slot = (int)(index % _slots.Length);
        var bucket = Volatile.Read(ref _slots[slot]);
        if (bucket is not null && bucket.Index == index)
        {
            return bucket;
        }

        lock (_gate)
        {
            bucket = _slots[slot];
            if (bucket is null)
            {
                bucket = _create(index);
                Volatile.Write(ref _slots[slot], bucket);
                return bucket;
            }

            lock (bucket.Gate)
            {
                if (bucket.Index > index)
                {
                    return null;
                }

                if (bucket.Index < index)
                {
                    bucket.Reset(index);
                }
            }

            return bucket;
        }
    }

    /// <summary>The bucket for <paramref name="index"/> if it is still retained; never creates one.</summary>
    public MonitorBucket? Find(long index)
    {
        var bucket = Volatile.Read(ref _slots[(int)(index % _slots.Length)]);
        return bucket is not null && bucket.Index == index ? bucket : null;
    }

    /// <summary>Every retained bucket, oldest first.</summary>
    public IEnumerable<MonitorBucket> All()
        => _slots.Where(b => b is not null).Select(b => b!).OrderBy(b => b.Index).ToList();
}
