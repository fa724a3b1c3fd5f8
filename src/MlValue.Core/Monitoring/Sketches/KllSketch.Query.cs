namespace MlValue.Monitoring.Sketches;

/// <summary>Queries and serialisation of the KLL sketch.</summary>
internal sealed partial class KllSketch
{
    /// <summary>The kept values sorted, with the cumulative fraction of the total weight at or below each.</summary>
    public (double[] Values, double[] Cdf) SortedView()
    {
        var pairs = new List<(double Value, long Weight)>(_size);
        for (var h = 0; h < _height; h++)
        {
            foreach (var v in _levels[h])
            {
                pairs.Add((v, 1L << h));
            }
        }

        pairs.Sort((a, b) => a.Value.CompareTo(b.Value));
        var values = new double[pairs.Count];
        var cdf = new double[pairs.Count];
        double cumulative = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            cumulative += pairs[i].Weight;
            values[i] = pairs[i].Value;
            cdf[i] = Count == 0 ? 0 : cumulative / Count;
        }

        return (values, cdf);
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
            foreach (var v in _levels[h])
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
            writer.Write(_levels[h].Count);
            foreach (var v in _levels[h])
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
        if (height is < 1 or > 64)
        {
            throw new InvalidDataException($"A quantile sketch has {height} levels; expected 1 to 64.");
        }

        while (_height < height)
        {
            Grow();
        }

        for (var h = 0; h < height; h++)
        {
            var n = reader.ReadInt32();
            for (var i = 0; i < n; i++)
            {
                _levels[h].Add(reader.ReadDouble());
            }

            _size += n;
        }
    }
}
