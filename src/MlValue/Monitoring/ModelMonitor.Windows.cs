using System.Diagnostics.Metrics;
using System.Numerics;

namespace MlValue.Monitoring;

/// <summary>
/// Windows as merges of whole buckets: cost proportional to buckets, not records. Aligned blocks of buckets
/// (the panes of a sliding report, or √(slots)-bucket blocks of a single window) are merged once and reused
/// from <see cref="WindowCache"/> while none of their buckets changed.
/// </summary>
public sealed partial class ModelMonitor<T>
{
    /// <inheritdoc />
    public MonitorWindow GetWindow(DateTimeOffset start, DateTimeOffset end)
    {
        if (start.UtcTicks % _width != 0 || end.UtcTicks % _width != 0 || end <= start)
        {
            throw new MonitoringException($"Monitor '{Name}' cannot build the window {start:O} – {end:O}: both ends must lie on bucket boundaries ({_options.BucketWidth} wide, MlValue:Monitoring:BucketWidth) and the end must come after the start.");
        }

        MonitorWindow result;
        long first = start.UtcTicks / _width, last = end.UtcTicks / _width;
        var replicas = ReadReplicas(Math.Max(first, last - _ring.Length), last);
        lock (_windowGate)
        {
            var segment = WindowSegment(first, last, replicas);
            MonitorWindow Evaluate() => _segments[segment].Evaluator.Evaluate(Merge(first, last, _blockLength, segment, replicas), start, end);
            result = replicas.Count == 0 && start.Offset == TimeSpan.Zero && end.Offset == TimeSpan.Zero ? _windows.Evaluated(first, last, _blockLength, segment, Evaluate) : Evaluate();
        }

        Publish(result);
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<MonitorWindow> GetWindows(WindowSpec spec)
    {
        if (spec.Size <= TimeSpan.Zero || spec.Step <= TimeSpan.Zero || spec.Size.Ticks % _width != 0 || spec.Step.Ticks % _width != 0)
        {
            throw new MonitoringException($"Monitor '{Name}' cannot build windows of {spec.Size} every {spec.Step}: both must be positive whole multiples of the bucket width {_options.BucketWidth} (MlValue:Monitoring:BucketWidth).");
        }

        var nowIndex = _time.GetUtcNow().UtcTicks / _width;
        var replicas = ReadReplicas(nowIndex - _ring.Length + 1, nowIndex + 2);
        var buckets = _ring.All().Where(b => !b.IsEmpty).Select(b => b.Index).Union(replicas.Keys).Order().ToList();
        if (buckets.Count == 0)
        {
            return [];
        }

        long size = spec.Size.Ticks / _width, step = spec.Step.Ticks / _width;
        var last = Math.Max(buckets[^1], nowIndex);
        var firstEnd = ((buckets[0] / step) + 1) * step;
        var windows = new List<MonitorWindow>();
        var pane = (long)BigInteger.GreatestCommonDivisor(size, step);
        lock (_windowGate)
        {
            for (var end = firstEnd; end - step <= last; end += step)
            {
                var start = end - size;
                var own = Within(replicas, start, end);
                var segment = WindowSegment(start, end, own);
                MonitorWindow Evaluate() => _segments[segment].Evaluator.Evaluate(Merge(start, end, pane, segment, own), Time(start), Time(end));
                windows.Add(own.Count == 0 ? _windows.Evaluated(start, end, pane, segment, Evaluate) : Evaluate());
            }
        }

        if (windows.Count > 0)
        {
            Publish(windows[^1]);
        }

        return windows;
    }

    /// <summary>
    /// The merge of the retained buckets in [startIndex, endIndex), through cached blocks of <paramref name="block"/> buckets,
    /// into the reused window bucket of <paramref name="segment"/> (valid until the next merge); call under the window lock.
    /// </summary>
    private MonitorBucket Merge(long startIndex, long endIndex, long block, int segment, SortedDictionary<long, List<MonitorBucket>> replicas)
    {
        // One reused bucket (evaluation copies what it reports), reset as a new one would start: same results, no allocation.
        var window = _windowScratch is { } scratch && scratch.Segment == segment ? scratch : (_windowScratch = NewBucket(startIndex, segment));
        lock (window.Gate)
        {
            window.Reset(startIndex);
        }

        var first = Math.Max(startIndex, endIndex - _ring.Length);
        _windows.MergeRange(window, first, endIndex, block);
        lock (window.Gate)
        {
            // The other replicas' buckets (read from the shared store for this call only, so no other thread holds them).
            foreach (var (index, buckets) in replicas)
            {
                if (index >= first && index < endIndex)
                {
                    foreach (var bucket in buckets)
                    {
                        window.Merge(bucket);
                    }
                }
            }
        }

        return window;
    }

    /// <summary>The replicas' buckets of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static SortedDictionary<long, List<MonitorBucket>> Within(SortedDictionary<long, List<MonitorBucket>> replicas, long start, long end)
    {
        var within = new SortedDictionary<long, List<MonitorBucket>>();
        foreach (var (index, buckets) in replicas)
        {
            if (index >= start && index < end)
            {
                within[index] = buckets;
            }
        }

        return within;
    }

    private DateTimeOffset Time(long index) => new(index * _width, TimeSpan.Zero);

    private void Publish(MonitorWindow window)
    {
        var scores = new List<Measurement<double>>();
        foreach (var drift in window.Features.Append(window.Prediction))
        {
            Add(drift, "psi", drift.Psi);
            Add(drift, "jensen_shannon", drift.JensenShannon);
            Add(drift, "ks", drift.KsStatistic);
            Add(drift, "chi_square_p", drift.ChiSquarePValue);
        }

        Volatile.Write(ref _scores, scores);

        void Add(FeatureDrift drift, string metric, double? value)
        {
            if (value is { } v)
            {
                scores.Add(new Measurement<double>(v, _tag, new("mlvalue.feature", drift.Feature), new("mlvalue.metric", metric)));
            }
        }
    }
}
