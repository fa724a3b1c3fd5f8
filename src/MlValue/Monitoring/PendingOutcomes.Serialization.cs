namespace MlValue.Monitoring;

/// <summary>Binary form of the pending outcomes: live entries in arrival order, and the counters.</summary>
internal sealed partial class PendingOutcomes
{
    public void Write(BinaryWriter writer)
    {
        lock (_gate)
        {
            writer.Write(Evicted);
            writer.Write(Expired);
            writer.Write(Duplicates);
            var live = new List<(Arrival Arrival, Pending Pending)>();
            for (var i = 0; i < _count; i++)
            {
                var arrival = _order[(_head + i) % _order.Length];
                if (_map.TryGetValue(arrival.Id, out var pending) && pending.Sequence == arrival.Sequence)
                {
                    live.Add((arrival, pending));
                }
            }

            writer.Write(live.Count);
            foreach (var (arrival, pending) in live)
            {
                writer.Write(arrival.Id);
                writer.Write(arrival.Ticks);
                writer.Write(pending.Bucket);
                writer.Write(pending.Prediction);
                writer.Write(pending.PredictedClass ?? string.Empty);
            }
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; format version 1 had no predicted class.</summary>
    public void Read(BinaryReader reader, int formatVersion)
    {
        lock (_gate)
        {
            Evicted = reader.ReadInt64();
            Expired = reader.ReadInt64();
            Duplicates = reader.ReadInt64();
            var n = reader.ReadInt32();
            for (var i = 0; i < n; i++)
            {
                var id = reader.ReadString();
                var ticks = reader.ReadInt64();
                var bucket = reader.ReadInt64();
                var prediction = reader.ReadDouble();
                var predictedClass = formatVersion >= 2 ? reader.ReadString() : string.Empty;
                if (_count == _order.Length)
                {
                    Pop(evicting: true);
                }

                var sequence = ++_sequence;
                _map[id] = new Pending(bucket, prediction, predictedClass.Length == 0 ? null : predictedClass, sequence);
                _order[(_head + _count) % _order.Length] = new Arrival(id, sequence, ticks);
                _count++;
            }
        }
    }
}
