using System.Runtime.InteropServices;

namespace MlValue.Monitoring.Sketches;

/// <summary>
/// A KLL quantile sketch (Karnin, Lang, Liberty 2016) with k = 200 and capacity ratio 2/3: it keeps at most
/// about 3k values plus one per level, whatever the stream length. Normalised rank error: at most
/// <see cref="RankError"/> (1.65 %) with 99 % confidence; exact while nothing was compacted. Mergeable.
/// Compaction coins come from a seeded xorshift generator, so results are reproducible.
/// </summary>
internal sealed partial class KllSketch
{
    public const int K = 200;

    /// <summary>The documented normalised rank error for k = 200 (Apache DataSketches KLL table, 99 % confidence).</summary>
    public const double RankError = 0.0165;

    /// <summary>The capacity each level's buffer is created with, so it is not regrown on the request path.</summary>
    public const int LevelCapacity = (2 * K) + 2;

    private const double C = 2.0 / 3.0;
    private readonly List<List<double>> _levels = [];
    private int _height;
    private int _size;
    private int _maxSize;
    private ulong _rng = 0x9E3779B97F4A7C15UL;

    public KllSketch()
    {
        Grow();
    }

    /// <summary>The number of values added (the total weight).</summary>
    public long Count { get; private set; }

    /// <summary>The number of values kept.</summary>
    public int Retained => _size;

    /// <summary>The number of compactor levels.</summary>
    public int Height => _height;

    /// <summary>True while no value was compacted away: ranks are exact.</summary>
    public bool IsExact => _height == 1;

    public void Add(double value)
    {
        _levels[0].Add(value);
        _size++;
        Count++;
        if (_size >= _maxSize)
        {
            Compress();
        }
    }

    public void Merge(KllSketch other)
    {
        while (_height < other._height)
        {
            Grow();
        }

        for (var h = 0; h < other._height; h++)
        {
            _levels[h].AddRange(other._levels[h]);
        }

        _size += other._size;
        Count += other.Count;
        while (_size >= _maxSize)
        {
            Compress();
        }
    }

    public void Reset()
    {
        foreach (var level in _levels)
        {
            level.Clear();
        }

        _height = 0;
        _size = 0;
        Count = 0;
        _rng = 0x9E3779B97F4A7C15UL;
        Grow();
    }

    private int Capacity(int level) => (int)Math.Ceiling(Math.Pow(C, _height - level - 1) * K) + 1;

    private void Grow()
    {
        if (_height == _levels.Count)
        {
            _levels.Add(new List<double>(LevelCapacity));
        }

        _height++;
        _maxSize = 0;
        for (var h = 0; h < _height; h++)
        {
            _maxSize += Capacity(h);
        }
    }

    private void Compress()
    {
        for (var h = 0; h < _height; h++)
        {
            if (_levels[h].Count >= Capacity(h))
            {
                if (h + 1 >= _height)
                {
                    Grow();
                }

                Compact(_levels[h], _levels[h + 1]);
                _size = 0;
                for (var l = 0; l < _height; l++)
                {
                    _size += _levels[l].Count;
                }

                return;
            }
        }
    }

    private void Compact(List<double> source, List<double> target)
    {
        var items = CollectionsMarshal.AsSpan(source);
        items.Sort();
        var pairs = items.Length / 2;
        var start = items.Length - (2 * pairs);
        var offset = (int)(NextRandom() & 1);
        for (var i = 0; i < pairs; i++)
        {
            target.Add(items[start + (2 * i) + offset]);
        }

        source.RemoveRange(start, 2 * pairs);
    }

    private ulong NextRandom()
    {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 7;
        _rng ^= _rng << 17;
        return _rng;
    }
}
