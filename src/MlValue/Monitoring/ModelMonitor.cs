using MlValue.Training;
using System.Diagnostics.Metrics;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Monitoring;

/// <summary>
/// The default monitor: event-time buckets of mergeable sketches in a ring bounded by the retention, a
/// bounded store of predictions awaiting outcomes, windows as bucket merges, and a crash-safe state file.
/// </summary>
/// <typeparam name="T">The input type of the monitored model.</typeparam>
public sealed partial class ModelMonitor<T> : IModelMonitor<T>, IDisposable, IDriftScoreSource
{
    [ThreadStatic]
    private static FeatureValue[]? _scratch;

    private readonly FeatureDefinition<T>[] _features;
    private readonly MonitorLayout _empty;
    private readonly bool _hasText;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly BucketRing _ring;
    private readonly PendingOutcomes _pending;
    private readonly WindowCache _windows;
    private readonly Lock _windowGate = new();
    private MonitorBucket? _windowScratch;
    private readonly long _blockLength;
    private readonly long _width;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly MonitorTelemetry _telemetry;
    private IReadOnlyList<Measurement<double>> _scores = [];

    /// <summary>Creates a monitor, loading its saved state when <paramref name="stateDirectory"/> holds one.</summary>
    /// <param name="name">The monitor name (letters, digits, '.', '-', '_'); names the state file and tags telemetry.</param>
    /// <param name="schema">The features to watch.</param>
    /// <param name="reference">The reference profile built with the same schema, or null (no drift verdicts until <see cref="Rebase"/> gives one).</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="timeProvider">The clock for bucket closing, lateness and expiry.</param>
    /// <param name="stateDirectory">The folder of the state file (<c>&lt;RootDirectory&gt;/monitor</c> under DI), or null to keep state in memory only.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the monitor's counters and drift scores are published on; null for MlValue's shared meter.</param>
    /// <param name="bucketStore">
    /// The store shared by the replicas of this monitor, or null to keep the buckets to this monitor. With one, the monitor
    /// flushes the buckets it changed under <see cref="MonitoringOptions.ReplicaId"/> (every
    /// <see cref="MonitoringOptions.BucketFlushInterval"/>, on <see cref="SaveAsync"/> and on dispose), and its windows merge
    /// its own buckets with every other replica's stored ones.
    /// </param>
    /// <exception cref="MonitoringException">Invalid options, a reference for another schema, or an unreadable state file.</exception>
    public ModelMonitor(string name, MonitorSchema<T> schema, ReferenceProfile? reference, MonitoringOptions options, TimeProvider timeProvider, string? stateDirectory, IMeterFactory? meterFactory = null, IMonitorBucketStore? bucketStore = null)
        : this(name, schema, reference, options, timeProvider, stateDirectory, noReference: null, meterFactory, bucketStore)
    {
    }

    /// <summary>As the public constructor; <paramref name="noReference"/> says why there is no reference yet (when <paramref name="reference"/> is null).</summary>
    internal ModelMonitor(string name, MonitorSchema<T> schema, ReferenceProfile? reference, MonitoringOptions options, TimeProvider timeProvider, string? stateDirectory, string? noReference, IMeterFactory? meterFactory = null, IMonitorBucketStore? bucketStore = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Name = CheckName(name);
        var errors = MonitoringOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new MonitoringException($"Monitor '{Name}' has invalid options: {string.Join(" ", errors)}");
        }

        reference?.EnsureMatches(schema.Describe(), Name);
        Prediction = schema.Prediction;
        _features = [.. schema.Features];
        _empty = MonitorLayout.WithoutReference(schema);
        _hasText = _features.Any(f => f.Kind == FeatureKind.Text);
        _options = options;
        _time = timeProvider;
        _width = options.BucketWidth.Ticks;
        _segments = [new ReferenceSegment(0, long.MinValue, null, reference, noReference, _empty, options)];
        _ring = new BucketRing((int)(options.Retention.Ticks / _width), index => NewBucket(index, SegmentFor(index)), SegmentFor);
        _windows = new WindowCache(_ring, NewBucket, options.ReuseEvaluatedWindows);
        _blockLength = (long)Math.Round(Math.Sqrt(_ring.Length));
        _pending = new PendingOutcomes(options.PendingOutcomeCapacity, options.OutcomeExpiry);
        _tag = new(MonitorTelemetry.MonitorTag, Name);
        _telemetry = MlValueMeter.For(meterFactory).Monitor;
        StatePath = stateDirectory is null ? null : Path.Combine(stateDirectory, Name + ".monitor");
        if (stateDirectory is not null)
        {
            AtomicFile.RemoveStale(stateDirectory, Name + ".monitor", timeProvider.GetUtcNow());
        }

        _store = bucketStore;
        ReplicaId = options.ReplicaId ?? DefaultReplicaId();
        Load(reference);
        StartSaving();
        StartFlushing();
        _telemetry.Register(this);
    }

    /// <summary>The monitor name.</summary>
    public string Name { get; }

    /// <summary>What the monitored model predicts (from the schema): which <c>Record</c> and <c>RecordOutcome</c> overloads apply.</summary>
    public PredictionTask Prediction { get; }

    /// <summary>The state file, or null when state is kept in memory only.</summary>
    public string? StatePath { get; }

    /// <summary>The number of retained bucket slots (Retention / BucketWidth): the memory bound, whatever the record count.</summary>
    public int BucketCapacity => _ring.Length;

    /// <summary>The number of buckets currently allocated (at most <see cref="BucketCapacity"/>).</summary>
    public int BucketCount => _ring.All().Count();

    /// <summary>Predictions currently waiting for their outcome (at most <see cref="MonitoringOptions.PendingOutcomeCapacity"/>).</summary>
    public int PendingOutcomeCount => _pending.Count;

    /// <summary>Predictions dropped from the pending store because it was full.</summary>
    public long EvictedPendingOutcomes => _pending.Evicted;

    /// <summary>Predictions dropped from the pending store after waiting longer than <see cref="MonitoringOptions.OutcomeExpiry"/>.</summary>
    public long ExpiredPendingOutcomes => _pending.Expired;

    internal BucketRing Ring => _ring;

    internal WindowCache Windows => _windows;

    IReadOnlyList<Measurement<double>> IDriftScoreSource.DriftScores() => Volatile.Read(ref _scores);

    private static string CheckName(string name)
    {
        if (!SafeName.IsValid(name, 100, letterOrDigitFirst: false))
        {
            throw new MonitoringException($"Monitor name {SafeName.Visible(name)} is not valid: use 1 to 100 letters, digits, '.', '-' or '_', not starting with '.'; it names the state file.");
        }

        return name;
    }

    /// <summary>One feature value read from an input before the bucket lock is taken.</summary>
    private struct FeatureValue
    {
        public double? Number;
        public string? Text;
        public int Tokens;
        public int Unseen;
    }
}
