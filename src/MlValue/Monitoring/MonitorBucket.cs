using MlValue.Training;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>
/// The sketches of one event-time bucket (or of a merged window, or of a reference). Updated under
/// <see cref="Gate"/>; reused when retention recycles its slot, so steady-state recording allocates nothing.
/// </summary>
internal sealed partial class MonitorBucket
{
    public const int VersionCap = 16;

    private long _index;
    private long _version;

    public MonitorBucket(MonitorLayout layout, int categoryCap, long index, int segment = 0)
    {
        Layout = layout;
        Segment = segment;
        var n = layout.Names.Length;
        Numeric = new NumericSketch?[n];
        Categorical = new CategoricalSketch?[n];
        Text = new TextSketch?[n];
        for (var i = 0; i < n; i++)
        {
            switch (layout.Kinds[i])
            {
                case FeatureKind.Numeric: Numeric[i] = new NumericSketch(layout.Edges[i]); break;
                case FeatureKind.Categorical: Categorical[i] = new CategoricalSketch(categoryCap); break;
                default: Text[i] = new TextSketch(layout.Edges[i]); break;
            }
        }

        Prediction = new NumericSketch(layout.PredictionEdges);
        if (layout.Prediction == PredictionTask.MulticlassClassification)
        {
            PredictedClasses = new CategoricalSketch(categoryCap);
            Classes = new ClassPerformanceSketch(categoryCap);
        }

        _index = index;
    }

    public Lock Gate { get; } = new();

    /// <summary>The bucket number: event time ticks divided by the bucket width.</summary>
    public long Index
    {
        get => Volatile.Read(ref _index);
        private set => Volatile.Write(ref _index, value);
    }

    /// <summary>A change counter of the slot: raised by every record, late record, outcome, count and reset, so cached merges can tell the bucket changed.</summary>
    public long Version => Volatile.Read(ref _version);

    public MonitorLayout Layout { get; }

    /// <summary>The entry of the monitor's reference history whose layout this bucket has (fixed for the bucket's life).</summary>
    public int Segment { get; }

    public NumericSketch?[] Numeric { get; }

    public CategoricalSketch?[] Categorical { get; }

    public TextSketch?[] Text { get; }

    public NumericSketch Prediction { get; }

    public PerformanceSketch Performance { get; } = new();

    /// <summary>Multiclass: the predicted classes; null for binary and regression.</summary>
    public CategoricalSketch? PredictedClasses { get; }

    /// <summary>Multiclass: per-class performance of the labelled predictions; null for binary and regression.</summary>
    public ClassPerformanceSketch? Classes { get; }

    public Dictionary<string, long> Versions { get; } = new(VersionCap, StringComparer.Ordinal);

    public long Records { get; set; }

    public long LateAccepted { get; set; }

    public long TooLate { get; set; }

    public long InFuture { get; set; }

    public long InvalidPredictions { get; set; }

    public long UnknownOutcomes { get; set; }

    public long ExpiredOutcomes { get; set; }

    public bool IsEmpty => Records + TooLate + InFuture + InvalidPredictions + UnknownOutcomes + ExpiredOutcomes == 0;

    /// <summary>Marks a change of the bucket's content; call under <see cref="Gate"/>, after the change.</summary>
    public void Touch() => Volatile.Write(ref _version, _version + 1);

    /// <summary>Compacts the quantile sketches of a merged bucket down to their bound, for keeping it.</summary>
    public void Seal()
    {
        foreach (var s in Numeric) { s?.Quantiles.Seal(); }
        foreach (var s in Text) { s?.Length.Quantiles.Seal(); }
        Prediction.Quantiles.Seal();
    }

    public void CountVersion(string version, long by)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(Versions, version);
        if (!Unsafe.IsNullRef(ref count))
        {
            count += by;
        }
        else
        {
            Versions[Versions.Count < VersionCap ? version : "(other)"] = Versions.GetValueOrDefault("(other)") + by;
        }
    }

    /// <summary>Empties the bucket and gives it a new number; call under <see cref="Gate"/>.</summary>
    public void Reset(long index)
    {
        foreach (var s in Numeric) { s?.Reset(); }
        foreach (var s in Categorical) { s?.Reset(); }
        foreach (var s in Text) { s?.Reset(); }
        Prediction.Reset();
        Performance.Reset();
        PredictedClasses?.Reset();
        Classes?.Reset();
        Versions.Clear();
        Records = LateAccepted = TooLate = InFuture = InvalidPredictions = UnknownOutcomes = ExpiredOutcomes = 0;
        Index = index;
        Touch();
    }

    /// <summary>Takes the slot of <paramref name="replaced"/> (same index, a newer change counter), which stops taking records; call under both gates.</summary>
    public void Replace(MonitorBucket replaced)
    {
        Volatile.Write(ref _version, replaced._version + 1);
        replaced.Index = long.MinValue;
        replaced.Touch();
    }

    /// <summary>
    /// Adds the content of <paramref name="other"/>; the caller holds <paramref name="other"/>'s gate. The distributions
    /// (feature sketches, prediction, predicted classes) are merged only from a bucket of the same reference segment,
    /// since their bins and vocabularies come from that reference; counts, performance and versions always are.
    /// </summary>
    public void Merge(MonitorBucket other)
    {
        if (other.Segment == Segment)
        {
            for (var i = 0; i < Numeric.Length; i++)
            {
                Numeric[i]?.Merge(other.Numeric[i]!);
                Categorical[i]?.Merge(other.Categorical[i]!);
                Text[i]?.Merge(other.Text[i]!);
            }

            Prediction.Merge(other.Prediction);
            PredictedClasses?.Merge(other.PredictedClasses!);
        }

        Performance.Merge(other.Performance);
        Classes?.Merge(other.Classes!);
        // Key order only matters when the cap could be reached (which versions keep their own count).
        IEnumerable<KeyValuePair<string, long>> versions = Versions.Count + other.Versions.Count <= VersionCap ? other.Versions : other.Versions.OrderBy(p => p.Key, StringComparer.Ordinal);
        foreach (var pair in versions)
        {
            CountVersion(pair.Key, pair.Value);
        }

        Records += other.Records;
        LateAccepted += other.LateAccepted;
        TooLate += other.TooLate;
        InFuture += other.InFuture;
        InvalidPredictions += other.InvalidPredictions;
        UnknownOutcomes += other.UnknownOutcomes;
        ExpiredOutcomes += other.ExpiredOutcomes;
    }
}
