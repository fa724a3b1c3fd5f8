namespace MlValue.Monitoring.Sketches;

/// <summary>Queries and serialisation of the KLL sketch.</summary>
internal sealed partial class KllSketch
{
    /// <summary>The kept values sorted, with the cumulative fraction of the total weight at or below each.</summary>
    public (double[] Values, double[] Cdf) SortedView()
    {
        double[] values = [], cdf = [];
        var n = SortedView(ref values, ref cdf);
        return (values.Length == n ? values : values[..n], cdf.Length == n ? cdf : cdf[..n]);
    }

    /// <summary>
    /// Writes the sorted view into <paramref name="values"/> and <paramref name="cdf"/> (replaced by larger arrays
    /// when too short, so callers can reuse them) and returns its length. Ties may come in any order: the fraction
    /// after the last of equal values is exact (integer weights), which is all the KS test reads.
    /// </summary>
    public int SortedView(ref double[] values, ref double[] cdf)
    {
        var n = Retained;
        if (values.Length < n)
        {
            values = new double[n];
            cdf = new double[n];
        }

        _items.AsSpan(_levels[0], n).CopyTo(values);
        for (var h = 0; h < _height; h++)
        {
            cdf.AsSpan(_levels[h] - _levels[0], LevelSize(h)).Fill(1L << h);
        }

        values.AsSpan(0, n).Sort(cdf.AsSpan(0, n));
        double cumulative = 0;
        for (var i = 0; i < n; i++)
        {
            cumulative += cdf[i];
            cdf[i] = Count == 0 ? 0 : cumulative / Count;
        }

        return n;
    }

    /// <summary>The estimated fraction of values less than or equal to <paramref name="value"/>.</summary>
    public double Rank(double value)
    {
        if (Count == 0)
        {
            return 0;
        }

        double weight = 0;
        for (var h = 0; h < _height; h++)
        {
            foreach (var v in _items.AsSpan(_levels[h], LevelSize(h)))
            {
                if (v <= value)
                {
                    weight += 1L << h;
                }
            }
        }

        return weight / Count;
    }

    /// <summary>The estimated q-quantile, q in [0, 1]; NaN when empty.</summary>
    public double Quantile(double q)
    {
        var (values, cdf) = SortedView();
        if (values.Length == 0)
        {
            return double.NaN;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (cdf[i] >= q)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(_rng);
        writer.Write(_height);
        for (var h = 0; h < _height; h++)
        {
            writer.Write(LevelSize(h));
            foreach (var v in _items.AsSpan(_levels[h], LevelSize(h)))
            {
                writer.Write(v);
            }
        }
    }

    public void Read(BinaryReader reader)
    {
        Reset();
        Count = reader.ReadInt64();
        _rng = reader.ReadUInt64();
        var height = reader.ReadInt32();
        if (height is < 1 or > MaxHeight)
        {
            throw new InvalidDataException($"A quantile sketch has {height} levels; expected 1 to {MaxHeight}.");
        }

        var levels = new double[height][];
        for (var h = 0; h < height; h++)
        {
            var n = reader.ReadInt32();
            if (n is < 0 or > 1 << 24)
            {
                throw new InvalidDataException($"A quantile sketch level holds {n} values.");
            }

            levels[h] = new double[n];
            for (var i = 0; i < n; i++)
            {
                levels[h][i] = reader.ReadDouble();
            }
        }

        _height = height;
        _maxSize = MaxSize(height);
        var total = levels.Sum(l => l.Length);
        _items = new double[Math.Max(_maxSize, total)];
        var end = _items.Length;
        _levels[height] = end;
        for (var h = height - 1; h >= 0; h--)
        {
            end -= levels[h].Length;
            levels[h].CopyTo(_items, end);
            _levels[h] = end;
        }

        Seal();
    }
}
