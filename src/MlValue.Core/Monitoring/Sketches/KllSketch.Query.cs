namespace MlValue.Monitoring.Sketches;

/// <summary>Queries and serialisation of the KLL sketch.</summary>
internal sealed partial class KllSketch
{
    /// <summary>The kept values sorted, with the cumulative fraction of the total weight at or below each.</summary>
    public (double[] Values, double[] Cdf) SortedView()
    {
        var values = _items.AsSpan(_levels[0], Retained).ToArray();
        var weights = new double[values.Length];
        for (var h = 0; h < _height; h++)
        {
            weights.AsSpan(_levels[h] - _levels[0], LevelSize(h)).Fill(1L << h);
        }

        Array.Sort(values, weights);
        double cumulative = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            weights[i] = Count == 0 ? 0 : cumulative / Count;
        }

        return (values, weights);
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
