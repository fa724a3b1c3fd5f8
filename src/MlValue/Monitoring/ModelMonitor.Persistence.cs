using MlValue.Internal;

namespace MlValue.Monitoring;

/// <summary>The crash-safe state file: the reference history, buckets and pending outcomes, written to a temporary file, flushed, then renamed over the old one.</summary>
public sealed partial class ModelMonitor<T>
{
    private const string Magic = "MLVMON";
    private readonly Lock _saveGate = new();
    private ITimer? _timer;
    private bool _disposed;

    /// <inheritdoc />
    /// <remarks>With a shared bucket store, also flushes the buckets changed since the last flush (see <see cref="FlushBucketsAsync"/>).</remarks>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Save();
        await FlushBucketsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops periodic saving and saves the state one last time.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        _flushTimer?.Dispose();
        _telemetry.Unregister(this);
        try
        {
            Save();
        }
        finally
        {
            // The last flush: a failure is counted, not thrown, like a scheduled one.
            FlushQuietlyAsync(final: true).GetAwaiter().GetResult();
            _flushGate.Dispose();
        }
    }

    private void Save()
    {
        if (StatePath is null)
        {
            return;
        }

        var bytes = BinaryFrame.Write(Magic, writer =>
        {
            writer.Write(_empty.Schema);
            writer.Write(_width);
            ReferenceSegment.WriteHistory(writer, Volatile.Read(ref _segments));
            var buckets = _ring.All().ToList();
            writer.Write(buckets.Count);
            foreach (var bucket in buckets)
            {
                lock (bucket.Gate)
                {
                    writer.Write(bucket.Segment);
                    bucket.Write(writer);
                }
            }

            _pending.Write(writer);
        });
        lock (_saveGate)
        {
            AtomicFile.Write(StatePath, bytes);
        }
    }

    /// <summary>
    /// Loads the state file: format 3 with its reference history (each bucket with its own reference), formats 1 and 2
    /// (no history) with <paramref name="reference"/>, or without a reference when their histograms do not fit it. A
    /// reference given that differs from the loaded one is then rebased to.
    /// </summary>
    private void Load(ReferenceProfile? reference)
    {
        if (StatePath is null || !File.Exists(StatePath))
        {
            return;
        }

        var what = $"The state file '{StatePath}' of monitor '{Name}'";
        using var reader = BinaryFrame.Read(Magic, File.ReadAllBytes(StatePath), what, out var version);
        try
        {
            var schema = reader.ReadString();
            var width = reader.ReadInt64();
            if (schema != _empty.Schema || width != _width)
            {
                throw new MonitoringException($"{what} was written for features [{schema}] with buckets of {TimeSpan.FromTicks(width)}, but the monitor has [{_empty.Schema}] with {_options.BucketWidth}. Move the file away (or use another monitor name) to start empty.");
            }

            if (version >= 3)
            {
                _segments = ReferenceSegment.ReadHistory(reader, _empty, _options, Name);
                Restore(ReadBuckets(reader, version));
            }
            else
            {
                var position = reader.BaseStream.Position;
                List<MonitorBucket> buckets;
                try
                {
                    buckets = ReadBuckets(reader, version);
                }
                catch (InvalidDataException) when (reference is not null)
                {
                    // Saved without a reference (its histograms have one bin): load it as such, then rebase below.
                    reader.BaseStream.Position = position;
                    _segments = [new ReferenceSegment(0, long.MinValue, null, null, "the saved state had no reference profile", _empty, _options)];
                    buckets = ReadBuckets(reader, version);
                }

                Restore(buckets);
            }

            _pending.Read(reader, version);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new MonitoringException($"{what} is inconsistent with the monitor's reference ({e.Message}). Move the file away to start empty, or create the monitor with the reference profile it was written with.", e);
        }

        if (reference is not null)
        {
            Rebase(null, reference);
        }
    }

    private List<MonitorBucket> ReadBuckets(BinaryReader reader, int version)
    {
        var buckets = new List<MonitorBucket>();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var segment = version >= 3 ? reader.ReadInt32() : 0;
            if (segment < 0 || segment >= _segments.Length)
            {
                throw new InvalidDataException($"A bucket names reference {segment} of {_segments.Length}.");
            }

            var loaded = NewBucket(0, segment);
            loaded.Read(reader);
            loaded.Seal();
            buckets.Add(loaded);
        }

        return buckets;
    }

    private void Restore(List<MonitorBucket> buckets)
    {
        foreach (var bucket in buckets)
        {
            _ring.Restore(bucket);
        }
    }

    private void StartSaving()
    {
        if (StatePath is null || _options.SaveInterval == TimeSpan.Zero)
        {
            return;
        }

        _timer = _time.CreateTimer(_ => SaveQuietly(), null, _options.SaveInterval, _options.SaveInterval);
    }

    private void SaveQuietly()
    {
        try
        {
            Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _telemetry.SaveFailures.Add(1, _tag);
        }
    }
}
