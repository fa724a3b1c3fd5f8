using MlValue.Internal;

namespace MlValue.Monitoring;

/// <summary>The crash-safe state file: buckets and pending outcomes, written to a temporary file, flushed, then renamed over the old one.</summary>
public sealed partial class ModelMonitor<T>
{
    private const string Magic = "MLVMON";
    private readonly Lock _saveGate = new();
    private ITimer? _timer;
    private bool _disposed;

    /// <inheritdoc />
    public Task SaveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Save();
        return Task.CompletedTask;
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
        MonitorTelemetry.Unregister(this);
        Save();
    }

    private void Save()
    {
        if (StatePath is null)
        {
            return;
        }

        var bytes = BinaryFrame.Write(Magic, writer =>
        {
            writer.Write(_layout.Schema);
            writer.Write(_width);
            var buckets = _ring.All().ToList();
            writer.Write(buckets.Count);
            foreach (var bucket in buckets)
            {
                lock (bucket.Gate)
                {
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

    private void Load()
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
            if (schema != _layout.Schema || width != _width)
            {
                throw new MonitoringException($"{what} was written for features [{schema}] with buckets of {TimeSpan.FromTicks(width)}, but the monitor has [{_layout.Schema}] with {_options.BucketWidth}. Move the file away (or use another monitor name) to start empty.");
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var loaded = new MonitorBucket(_layout, _options.CategoryCap, 0);
                loaded.Read(reader);
                if (_ring.Acquire(loaded.Index) is { } bucket)
                {
                    lock (bucket.Gate)
                    {
                        bucket.Merge(loaded);
                        bucket.Seal();
                        bucket.Touch();
                    }
                }
            }

            _pending.Read(reader, version);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new MonitoringException($"{what} is inconsistent with the monitor's reference ({e.Message}). Move the file away to start empty, or use the reference profile it was written with.", e);
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
            MonitorTelemetry.SaveFailures.Add(1, _tag);
        }
    }
}
