namespace MlValue.Monitoring;

/// <summary>
/// The retained buckets: one slot per bucket of the retention; a slot is reused (reset, not reallocated)
/// when a newer bucket needs it. Readers confirm a bucket's index under its gate, since a slot may be
/// recycled between lookup and lock. A slot recycled for a bucket of another reference segment (after a rebase) gets
/// a new bucket of that segment's layout instead; the replaced one stops taking records, so its writers retry.
/// </summary>
internal sealed class BucketRing
{
    private readonly MonitorBucket?[] _slots;
    private readonly Lock _gate = new();
    private readonly Func<long, MonitorBucket> _create;
    private readonly Func<long, int> _segmentOf;

    /// <param name="length">The slot count.</param>
    /// <param name="create">Creates the bucket of an index (with the layout of its reference segment).</param>
    /// <param name="segmentOf">The reference segment of an index.</param>
    public BucketRing(int length, Func<long, MonitorBucket> create, Func<long, int> segmentOf)
    {
        _slots = new MonitorBucket?[length];
        _create = create;
        _segmentOf = segmentOf;
    }

    public int Length => _slots.Length;

    /// <summary>Taken while creating or recycling a slot; a rebase takes it to fix where its segment starts.</summary>
    public Lock Gate => _gate;

    /// <summary>The newest allocated bucket index, or null when none is; call under <see cref="Gate"/> for a stable answer.</summary>
    public long? Newest()
    {
        long? newest = null;
        foreach (var bucket in _slots)
        {
            if (bucket is not null && bucket.Index != long.MinValue && (newest is null || bucket.Index > newest))
            {
                newest = bucket.Index;
            }
        }

        return newest;
    }

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
                    if (bucket.Segment != _segmentOf(index))
                    {
                        var replacement = _create(index);
                        replacement.Replace(bucket);
                        Volatile.Write(ref _slots[slot], replacement);
                        return replacement;
                    }

                    bucket.Reset(index);
                }
            }

            return bucket;
        }
    }

    /// <summary>Puts a loaded bucket in its slot unless a newer bucket holds it (loading a state file, before any record).</summary>
    public void Restore(MonitorBucket bucket)
    {
        lock (_gate)
        {
            ref var slot = ref _slots[(int)(bucket.Index % _slots.Length)];
            if (slot is null || slot.Index < bucket.Index)
            {
                Volatile.Write(ref slot, bucket);
            }
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
