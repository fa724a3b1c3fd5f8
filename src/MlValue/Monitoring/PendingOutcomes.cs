using System.Runtime.InteropServices;

namespace MlValue.Monitoring;

/// <summary>
/// Predictions waiting for their outcome, by correlation id. Bounded: at most <c>capacity</c> entries
/// (the oldest is evicted when full) and each waits at most <c>expiry</c>; evictions, expiries and
/// replaced duplicates are counted. Entries are kept in arrival order in a ring, so bounding is O(1).
/// </summary>
internal sealed partial class PendingOutcomes
{
    private readonly Dictionary<string, Pending> _map;
    private readonly Arrival[] _order;
    private readonly long _expiryTicks;
    private readonly Lock _gate = new();
    private int _head;
    private int _count;
    private long _sequence;

    public PendingOutcomes(int capacity, TimeSpan expiry)
    {
        _map = new Dictionary<string, Pending>(Math.Min(capacity, 4096), StringComparer.Ordinal);
        _order = new Arrival[capacity];
        _expiryTicks = expiry.Ticks;
    }

    public int Count
    {
        get { lock (_gate) { return _map.Count; } }
    }

    public long Evicted { get; private set; }

    public long Expired { get; private set; }

    public long Duplicates { get; private set; }

    public void Add(string id, long bucket, double prediction, string? predictedClass, long nowTicks)
    {
        lock (_gate)
        {
            ExpireOld(nowTicks);
            if (_count == _order.Length)
            {
                Pop(evicting: true);
            }

            var sequence = ++_sequence;
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, id, out var exists);
            if (exists)
            {
                Duplicates++;
            }

            slot = new Pending(bucket, prediction, predictedClass, sequence);
            _order[(_head + _count) % _order.Length] = new Arrival(id, sequence, nowTicks);
            _count++;
        }
    }

    public bool TryTake(string id, long nowTicks, out Pending pending)
    {
        lock (_gate)
        {
            ExpireOld(nowTicks);
            return _map.Remove(id, out pending);
        }
    }

    private void ExpireOld(long nowTicks)
    {
        while (_count > 0 && _order[_head].Ticks + _expiryTicks <= nowTicks)
        {
            Pop(evicting: false);
        }
    }

    private void Pop(bool evicting)
    {
        var arrival = _order[_head];
        if (_map.TryGetValue(arrival.Id, out var pending) && pending.Sequence == arrival.Sequence)
        {
            _map.Remove(arrival.Id);
            if (evicting)
            {
                Evicted++;
            }
            else
            {
                Expired++;
            }
        }

        _order[_head] = default;
        _head = (_head + 1) % _order.Length;
        _count--;
    }

    /// <summary>A waiting prediction: its bucket, its value (binary, regression) or class (multiclass), its arrival number.</summary>
    internal readonly record struct Pending(long Bucket, double Prediction, string? PredictedClass, long Sequence);

    private readonly record struct Arrival(string Id, long Sequence, long Ticks);
}
