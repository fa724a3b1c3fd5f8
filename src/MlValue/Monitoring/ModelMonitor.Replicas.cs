using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>
/// Monitors across replicas: this process flushes the buckets it changed to the shared <see cref="IMonitorBucketStore"/>
/// under its replica id, and its windows merge its own live buckets with the other replicas' stored ones. Its own
/// stored rows are skipped wherever it still holds the bucket, so nothing is counted twice.
/// </summary>
public sealed partial class ModelMonitor<T>
{
    private const string BucketMagic = "MLVBKT";
    private readonly IMonitorBucketStore? _store;
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Dictionary<long, long> _flushed = [];
    private readonly ConditionalWeakTable<MonitorLayout, string> _fingerprints = [];
    private ITimer? _flushTimer;

    /// <summary>The id under which this monitor shares its buckets (<see cref="MonitoringOptions.ReplicaId"/> or machine name and process id).</summary>
    public string ReplicaId { get; }

    /// <summary>The shared bucket store, or null when the monitor keeps its buckets to itself.</summary>
    public IMonitorBucketStore? BucketStore => _store;

    /// <summary>Buckets written to the shared store since creation (for tests and diagnostics).</summary>
    public long FlushedBuckets { get; private set; }

    /// <summary>The default replica id: machine name and process id, distinct for every process running at once.</summary>
    internal static string DefaultReplicaId()
    {
        var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]).TrimStart('.');
        var id = string.Create(CultureInfo.InvariantCulture, $"{(machine.Length == 0 ? "host" : machine)}-{Environment.ProcessId}");
        return id.Length <= 100 ? id : id[^100..];
    }

    /// <summary>
    /// Writes every bucket changed since the last flush to the shared store (one upsert per bucket of this replica), then
    /// deletes the store's buckets (of every replica) older than the retention. Does nothing without a store.
    /// </summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>The number of buckets written.</returns>
    public async Task<int> FlushBucketsAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            return 0;
        }

        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var nowIndex = _time.GetUtcNow().UtcTicks / _width;
            var batch = new List<(long Index, long Version, StoredMonitorBucket Row)>();
            foreach (var bucket in _ring.All())
            {
                lock (bucket.Gate)
                {
                    var index = bucket.Index;
                    if (index == long.MinValue || (_flushed.TryGetValue(index, out var flushed) ? flushed == bucket.Version : bucket.IsEmpty))
                    {
                        continue;
                    }

                    batch.Add((index, bucket.Version, new StoredMonitorBucket(ReplicaId, Time(index), Payload(bucket))));
                }
            }

            if (batch.Count > 0)
            {
                await _store.SaveAsync(Name, [.. batch.Select(b => b.Row)], cancellationToken).ConfigureAwait(false);
            }

            foreach (var (index, version, _) in batch)
            {
                _flushed[index] = version;
            }

            var oldest = nowIndex - _ring.Length + 1;
            foreach (var index in _flushed.Keys.Where(i => i < oldest).ToList())
            {
                _flushed.Remove(index);
            }

            await _store.DeleteOlderThanAsync(Name, Time(oldest), cancellationToken).ConfigureAwait(false);
            FlushedBuckets += batch.Count;
            return batch.Count;
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>One bucket as the store keeps it: the state file's bucket format in a checksummed frame, after the schema, the bucket width and the fingerprint of the bucket's layout.</summary>
    private byte[] Payload(MonitorBucket bucket) => BinaryFrame.Write(BucketMagic, writer =>
    {
        writer.Write(_empty.Schema);
        writer.Write(_width);
        writer.Write(Fingerprint(bucket.Layout));
        bucket.Write(writer);
    });

    /// <summary>The XxHash64 of a layout's binary form (names, kinds, bin edges, vocabularies): equal exactly when buckets of the two layouts merge.</summary>
    private string Fingerprint(MonitorLayout layout) => _fingerprints.GetValue(layout, static l =>
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            l.Write(writer);
        }

        return Convert.ToHexStringLower(XxHash64.Hash(content.ToArray()));
    });

    /// <summary>
    /// The other replicas' buckets (and this replica's rows of buckets it no longer holds) with a start in
    /// [<paramref name="first"/>, <paramref name="end"/>), by index; empty without a store.
    /// </summary>
    /// <exception cref="MonitoringException">A stored bucket was written for another schema, bucket width or reference layout, or is damaged.</exception>
    private SortedDictionary<long, List<MonitorBucket>> ReadReplicas(long first, long end)
    {
        var result = new SortedDictionary<long, List<MonitorBucket>>();
        if (_store is null || end <= first)
        {
            return result;
        }

        var rows = _store.ReadAsync(Name, Time(first), Time(end)).ConfigureAwait(false).GetAwaiter().GetResult();
        foreach (var row in rows)
        {
            var index = row.BucketStart.UtcTicks / _width;
            if (row.Replica == ReplicaId && _ring.Find(index) is not null)
            {
                continue;
            }

            var bucket = FromPayload(row, index);
            if (!bucket.IsEmpty)
            {
                (result.TryGetValue(index, out var list) ? list : result[index] = []).Add(bucket);
            }
        }

        return result;
    }

    private MonitorBucket FromPayload(StoredMonitorBucket row, long index)
    {
        var what = $"The bucket of replica '{row.Replica}' at {row.BucketStart:O} in the shared store of monitor '{Name}'";
        using var reader = BinaryFrame.Read(BucketMagic, row.Payload, what);
        try
        {
            var schema = reader.ReadString();
            var width = reader.ReadInt64();
            if (schema != _empty.Schema || width != _width)
            {
                throw new MonitoringException($"{what} was recorded for features [{schema}] with buckets of {TimeSpan.FromTicks(width)}, but this monitor has [{_empty.Schema}] with {_options.BucketWidth}. Give every replica of a monitor the same schema and MlValue:Monitoring:BucketWidth, or give the changed one another monitor name.");
            }

            var fingerprint = reader.ReadString();
            var segment = SegmentOf(fingerprint, index);
            if (segment < 0)
            {
                var known = string.Join(", ", Volatile.Read(ref _segments).Select(s => $"{Fingerprint(s.Layout)} ({s.Version ?? s.Reason ?? "given reference"})").Distinct());
                throw new MonitoringException($"{what} was recorded with the reference layout {fingerprint}, which matches none of this monitor's references: {known}. The replicas compare with different reference profiles; give every replica the same reference (or rebase them all) before merging their windows.");
            }

            var bucket = NewBucket(0, segment);
            bucket.Read(reader);
            if (bucket.Index != index)
            {
                throw new InvalidDataException($"the payload holds bucket {bucket.Index} but the row is keyed {index}");
            }

            return bucket;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new MonitoringException($"{what} is damaged ({e.Message}). Delete its row; the replica writes it again on its next flush while it holds the bucket.", e);
        }
    }

    /// <summary>This monitor's reference segment whose layout has <paramref name="fingerprint"/>: the one that applies to <paramref name="index"/> if it does, else the newest that does; −1 when none does.</summary>
    private int SegmentOf(string fingerprint, long index)
    {
        var segments = Volatile.Read(ref _segments);
        var applies = SegmentFor(index);
        if (Fingerprint(segments[applies].Layout) == fingerprint)
        {
            return applies;
        }

        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (Fingerprint(segments[i].Layout) == fingerprint)
            {
                return i;
            }
        }

        return -1;
    }

    private void StartFlushing()
    {
        if (_store is null || _options.BucketFlushInterval == TimeSpan.Zero)
        {
            return;
        }

        _flushTimer = _time.CreateTimer(_ => _ = FlushQuietlyAsync(final: false), null, _options.BucketFlushInterval, _options.BucketFlushInterval);
    }

    /// <summary>A scheduled or the <paramref name="final"/> flush: a failure is counted on the save-failure counter, never thrown (the next flush writes the same buckets again). A scheduled one that fires after dispose does nothing.</summary>
    private async Task FlushQuietlyAsync(bool final)
    {
        if (_disposed && !final)
        {
            return;
        }

        try
        {
            await FlushBucketsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is MonitoringException or IOException or TimeoutException or InvalidOperationException)
        {
            _telemetry.SaveFailures.Add(1, _tag);
        }
    }
}
