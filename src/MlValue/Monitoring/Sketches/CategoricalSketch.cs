using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlValue.Monitoring.Sketches;

/// <summary>
/// Mergeable summary of a categorical column: exact counts for the first <c>cap</c> distinct categories,
/// later new categories counted together as "other", missing values, and a HyperLogLog distinct count.
/// </summary>
internal sealed class CategoricalSketch
{
    private readonly int _cap;

    public CategoricalSketch(int cap)
    {
        _cap = cap;
        Counts = new Dictionary<string, long>(Math.Min(cap, 64), StringComparer.Ordinal);
    }

    public Dictionary<string, long> Counts { get; }

    public long Other { get; private set; }

    public long Count { get; private set; }

    public long Nulls { get; private set; }

    public HyperLogLog Distinct { get; } = new();

    public void Add(string? value)
    {
        if (value is null)
        {
            Nulls++;
            return;
        }

        Count++;
        Distinct.Add(value);
        Increment(value, 1);
    }

    public void Merge(CategoricalSketch other)
    {
        Count += other.Count;
        Nulls += other.Nulls;
        Other += other.Other;
        // Key order only matters when the cap could be reached (which categories keep their own count).
        IEnumerable<KeyValuePair<string, long>> counts = Counts.Count + other.Counts.Count <= _cap ? other.Counts : other.Counts.OrderBy(p => p.Key, StringComparer.Ordinal);
        foreach (var pair in counts)
        {
            Increment(pair.Key, pair.Value);
        }

        Distinct.Merge(other.Distinct);
    }

    public void Reset()
    {
        Counts.Clear();
        Other = Count = Nulls = 0;
        Distinct.Reset();
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(Nulls);
        writer.Write(Other);
        writer.Write(Counts.Count);
        foreach (var pair in Counts)
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value);
        }

        Distinct.Write(writer);
    }

    public void Read(BinaryReader reader)
    {
        Reset();
        Count = reader.ReadInt64();
        Nulls = reader.ReadInt64();
        Other = reader.ReadInt64();
        var n = reader.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            var key = reader.ReadString();
            Counts[key] = reader.ReadInt64();
        }

        Distinct.Read(reader);
    }

    private void Increment(string value, long by)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(Counts, value);
        if (!Unsafe.IsNullRef(ref count))
        {
            count += by;
        }
        else if (Counts.Count < _cap)
        {
            Counts.Add(value, by);
        }
        else
        {
            Other += by;
        }
    }
}
