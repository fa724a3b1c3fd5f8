using MlValue.Diagnostics;

namespace MlValue.Data;

/// <summary>
/// The checkpoint handling every source shares: load the committed checkpoint, build a batch
/// from what lies past it, and commit a batch only if it starts at the committed checkpoint.
/// </summary>
internal sealed class SourceCheckpoint
{
    private readonly ICheckpointStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _commit = new(1, 1);
    private readonly DataTelemetry _telemetry;

    // meter: the meter the source's reads are counted on; null for the shared fallback.
    public SourceCheckpoint(string name, ICheckpointStore store, TimeProvider? timeProvider, MlValueMeter? meter = null)
    {
        Name = SourceName.Validate(name);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? TimeProvider.System;
        _telemetry = (meter ?? MlValueMeter.Shared).Data;
    }

    public string Name { get; }

    public Task<string?> LoadAsync(CancellationToken cancellationToken) => _store.LoadAsync(Name, cancellationToken);

    public DataBatch<T> Batch<T>(IReadOnlyList<T> records, IReadOnlyList<DataReadError> errors, string? from, string to)
        where T : class, new()
    {
        var batch = new DataBatch<T>(Name, records, errors, from, to, _time.GetUtcNow());
        _telemetry.Record(batch);
        return batch;
    }

    public async Task CommitAsync<T>(DataBatch<T> batch, CancellationToken cancellationToken)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!string.Equals(batch.SourceName, Name, StringComparison.Ordinal))
        {
            throw new DataSourceException($"A batch of source '{batch.SourceName}' was committed to source '{Name}'. Commit each batch to the source that read it.");
        }

        await _commit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await _store.LoadAsync(Name, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(current, batch.FromCheckpoint, StringComparison.Ordinal))
            {
                throw new DataSourceException($"The batch of source '{Name}' read at {batch.ReadAt:O} is stale: another batch was committed since it was read. Read again and process the new batch; its records start after the committed checkpoint.");
            }

            if (!string.Equals(current, batch.ToCheckpoint, StringComparison.Ordinal))
            {
                await _store.SaveAsync(Name, batch.ToCheckpoint, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _commit.Release();
        }
    }

    public long ParsePosition(string? checkpoint)
    {
        if (checkpoint is null)
        {
            return 0;
        }

        if (long.TryParse(checkpoint, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        throw new DataSourceException($"The checkpoint of data source '{Name}' is '{checkpoint}', which is not a row position. It was written by another kind of source or damaged: delete it from the checkpoint store to read from the start, or give this source another name.");
    }
}
