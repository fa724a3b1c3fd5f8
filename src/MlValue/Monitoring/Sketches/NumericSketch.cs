namespace MlValue.Monitoring.Sketches;

/// <summary>
/// Mergeable summary of a numeric column: count, missing (null), non-finite (NaN, ±∞), min, max, mean and
/// variance (Welford updates, Chan et al. merges), a KLL quantile sketch, and counts on fixed bin edges
/// (bin i holds edges[i-1] &lt; x ≤ edges[i]; the first and last bins are open).
/// </summary>
internal sealed class NumericSketch
{
    private readonly double[] _edges;

    public NumericSketch(double[] edges)
    {
        _edges = edges;
        Histogram = new long[edges.Length + 1];
        Reset();
    }

    public long Count { get; private set; }

    public long Nulls { get; private set; }

    public long NonFinite { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    public double Mean { get; private set; }

    public double M2 { get; private set; }

    public double Variance => Count > 1 ? M2 / (Count - 1) : 0;

    public KllSketch Quantiles { get; } = new();

    public ReadOnlySpan<double> Edges => _edges;

    public long[] Histogram { get; }

    public void Add(double? value)
    {
        if (value is not { } x)
        {
            Nulls++;
            return;
        }

        if (!double.IsFinite(x))
        {
            NonFinite++;
            return;
        }

        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        M2 += delta * (x - Mean);
        Min = Math.Min(Min, x);
        Max = Math.Max(Max, x);
        Quantiles.Add(x);
        Histogram[Bin(x)]++;
    }

    /// <summary>The bin of finite <paramref name="x"/>: the number of edges below it (edges are distinct and ascending).</summary>
    public int Bin(double x)
    {
        var edges = _edges;
        if (edges.Length > 16)
        {
            var i = Array.BinarySearch(edges, x);
            return i >= 0 ? i : ~i;
        }

        // Decile edges: at most nine, so a branch-free count beats a search.
        var bin = 0;
        foreach (var e in edges)
        {
            bin += e < x ? 1 : 0;
        }

        return bin;
    }

    public void Merge(NumericSketch other)
    {
        Nulls += other.Nulls;
        NonFinite += other.NonFinite;
        if (other.Count > 0)
        {
            var n = Count + other.Count;
            var delta = other.Mean - Mean;
            M2 = M2 + other.M2 + (delta * delta * Count * other.Count / n);
            Mean += delta * other.Count / n;
            Count = n;
            Min = Math.Min(Min, other.Min);
            Max = Math.Max(Max, other.Max);
            Quantiles.Merge(other.Quantiles);
        }

        for (var i = 0; i < Histogram.Length && i < other.Histogram.Length; i++)
        {
            Histogram[i] += other.Histogram[i];
        }
    }

    public void Reset()
    {
        Count = Nulls = NonFinite = 0;
        Mean = M2 = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
        Quantiles.Reset();
        Array.Clear(Histogram);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(Nulls);
        writer.Write(NonFinite);
        writer.Write(Min);
        writer.Write(Max);
        writer.Write(Mean);
        writer.Write(M2);
        Quantiles.Write(writer);
        writer.Write(Histogram.Length);
        foreach (var c in Histogram)
        {
            writer.Write(c);
        }
    }

    public void Read(BinaryReader reader)
    {
        Count = reader.ReadInt64();
        Nulls = reader.ReadInt64();
        NonFinite = reader.ReadInt64();
        Min = reader.ReadDouble();
        Max = reader.ReadDouble();
        Mean = reader.ReadDouble();
        M2 = reader.ReadDouble();
        Quantiles.Read(reader);
        var bins = reader.ReadInt32();
        if (bins != Histogram.Length)
        {
            throw new InvalidDataException($"A histogram has {bins} bins where the reference edges give {Histogram.Length}.");
        }

        for (var i = 0; i < bins; i++)
        {
            Histogram[i] = reader.ReadInt64();
        }
    }
}
