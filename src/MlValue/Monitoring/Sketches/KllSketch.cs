namespace MlValue.Monitoring.Sketches;

/// <summary>
/// A KLL quantile sketch (Karnin, Lang, Liberty 2016) with k = 200 and capacity ratio 2/3: it keeps at most
/// about 3k values plus two per level, whatever the stream length. Normalised rank error: at most
/// <see cref="RankError"/> (1.65 %) with 99 % confidence; exact while nothing was compacted. Mergeable.
/// Compaction coins come from a seeded xorshift generator, so results are reproducible.
/// All levels share one buffer sized to the sketch's bound (as in Apache DataSketches): level h occupies
/// <c>_items[_levels[h].._levels[h + 1])</c>, level 0 grows downwards into the free space at the front.
/// </summary>
internal sealed partial class KllSketch
{
    public const int K = 200;

    /// <summary>The documented normalised rank error for k = 200 (Apache DataSketches KLL table, 99 % confidence).</summary>
    public const double RankError = 0.0165;

    /// <summary>The most values a recorded (not merged) sketch's buffer holds, at 64 levels: the largest single allocation of <see cref="Add"/>.</summary>
    public static readonly int MaxBufferItems = MaxSize(64);

    private const double C = 2.0 / 3.0;
    private const int MaxHeight = 64;

    /// <summary>A merged sketch compacts once it holds this many times its bound (merges concatenate, compaction is amortised).</summary>
    private const int MergeSlack = 4;

    private readonly int[] _levels = new int[MaxHeight + 1];
    private double[] _items;
    private int _height;
    private int _maxSize;
    private ulong _rng = 0x9E3779B97F4A7C15UL;

    public KllSketch()
    {
        _height = 1;
        _maxSize = MaxSize(1);
        _items = new double[_maxSize];
        _levels[0] = _levels[1] = _items.Length;
    }

    /// <summary>The number of values added (the total weight).</summary>
    public long Count { get; private set; }

    /// <summary>The number of values kept.</summary>
    public int Retained => _items.Length - _levels[0];

    /// <summary>The number of compactor levels.</summary>
    public int Height => _height;

    /// <summary>The length of the value buffer (its memory, in doubles).</summary>
    public int BufferLength => _items.Length;

    /// <summary>True while no value was compacted away: ranks are exact.</summary>
    public bool IsExact => _height == 1;

    public void Add(double value)
    {
        if (_levels[0] == 0)
        {
            Settle();
        }

        _items[--_levels[0]] = value;
        Count++;
        if (Retained >= _maxSize)
        {
            Settle();
        }
    }

    /// <summary>Adds <paramref name="other"/>'s values level by level; compacts only when far above the bound (see <see cref="Seal"/>).</summary>
    public void Merge(KllSketch other)
    {
        while (_height < other._height)
        {
            Grow(0);
        }

        var incoming = other.Retained;
        if (_levels[0] < incoming)
        {
            Resize(Math.Max(2 * _items.Length, Retained + incoming));
        }

        // New starts, top down; then move each level left (bottom up, so nothing is overwritten) and append the other's.
        Span<int> starts = stackalloc int[_height + 1];
        starts[_height] = _items.Length;
        for (var h = _height - 1; h >= 0; h--)
        {
            starts[h] = starts[h + 1] - LevelSize(h) - (h < other._height ? other.LevelSize(h) : 0);
        }

        for (var h = 0; h < _height; h++)
        {
            var own = LevelSize(h);
            Array.Copy(_items, _levels[h], _items, starts[h], own);
            if (h < other._height)
            {
                Array.Copy(other._items, other._levels[h], _items, starts[h] + own, other.LevelSize(h));
            }
        }

        starts.CopyTo(_levels);
        Count += other.Count;
        if (Retained >= MergeSlack * _maxSize)
        {
            Settle();
        }
    }

    /// <summary>Compacts down to the bound and releases spare buffer: call when a merged sketch is kept.</summary>
    public void Seal()
    {
        Settle();
        if (_items.Length > _maxSize)
        {
            Resize(_maxSize);
        }
    }

    /// <summary>Empties the sketch, keeping its buffer (so recycling a bucket allocates nothing).</summary>
    public void Reset()
    {
        Array.Clear(_levels);
        _height = 1;
        _maxSize = MaxSize(1);
        _levels[0] = _levels[1] = _items.Length;
        Count = 0;
        _rng = 0x9E3779B97F4A7C15UL;
    }

    private static int Capacity(int height, int level) => (int)Math.Ceiling(Math.Pow(C, height - level - 1) * K) + 1;

    private static int MaxSize(int height)
    {
        var size = 0;
        for (var h = 0; h < height; h++)
        {
            size += Capacity(height, h);
        }

        return size;
    }

    private int LevelSize(int h) => _levels[h + 1] - _levels[h];

    /// <summary>Compacts until fewer than the bound's values are kept.</summary>
    private void Settle()
    {
        while (Retained >= _maxSize)
        {
            Compress();
        }
    }

    private void Compress()
    {
        for (var h = 0; h < _height; h++)
        {
            if (LevelSize(h) >= Capacity(_height, h))
            {
                if (h + 1 >= _height)
                {
                    Grow(Retained);
                }

                Compact(h);
                return;
            }
        }
    }

    /// <summary>Adds an empty top level; the buffer grows to the new bound (one allocation per level).</summary>
    private void Grow(int retained)
    {
        if (_height >= MaxHeight)
        {
            throw new InvalidOperationException($"A quantile sketch cannot grow beyond {MaxHeight} levels.");
        }

        _height++;
        _maxSize = MaxSize(_height);
        _levels[_height] = _items.Length;
        if (_items.Length < Math.Max(_maxSize, retained))
        {
            Resize(Math.Max(_maxSize, retained));
        }
    }

    /// <summary>Moves the kept values to a new buffer of <paramref name="length"/>, aligned to its end.</summary>
    private void Resize(int length)
    {
        var items = new double[length];
        var shift = length - _items.Length;
        Array.Copy(_items, _levels[0], items, _levels[0] + shift, Retained);
        for (var h = 0; h <= _height; h++)
        {
            _levels[h] += shift;
        }

        _items = items;
    }

    /// <summary>Sorts level h, promotes every other value (random offset) to level h + 1 and closes the gap.</summary>
    private void Compact(int h)
    {
        int a = _levels[h], b = _levels[h + 1], n = b - a;
        _items.AsSpan(a, n).Sort();
        var pairs = n / 2;
        var start = n - (2 * pairs);
        var offset = (int)(NextRandom() & 1);
        for (var i = pairs - 1; i >= 0; i--)
        {
            _items[b - pairs + i] = _items[a + start + (2 * i) + offset];
        }

        _levels[h + 1] = b - pairs;
        var low = _levels[0];
        Array.Copy(_items, low, _items, low + pairs, a + start - low);
        for (var l = 0; l <= h; l++)
        {
            _levels[l] += pairs;
        }
    }

    private ulong NextRandom()
    {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 7;
        _rng ^= _rng << 17;
        return _rng;
    }
}
