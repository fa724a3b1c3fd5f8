using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Data;

/// <summary>
/// The checkpoint handling every <see cref="IDataSource{T}"/> shares, for source authors: load the
/// committed checkpoint, build a batch from what lies past it, and commit a batch only if it starts
/// at the committed checkpoint, so that a batch is delivered until it is committed (at least once)
/// and a stale batch is never committed over a newer one.
/// </summary>
public sealed class SourceCheckpoint
{
    private readonly ICheckpointStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _commit = new(1, 1);
    private readonly DataTelemetry _telemetry;

    /// <summary>Creates the checkpoint handling of one source.</summary>
    /// <param name="name">The source's name: 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'; it names the checkpoint.</param>
    /// <param name="store">Where the checkpoint is kept.</param>
    /// <param name="timeProvider">The clock that stamps batches; <see langword="null"/> for the system clock.</param>
    /// <param name="meterFactory">Creates the meter the source's reads are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public SourceCheckpoint(string name, ICheckpointStore store, TimeProvider? timeProvider, IMeterFactory? meterFactory = null)
    {
        Name = SourceName.Validate(name);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? TimeProvider.System;
        _telemetry = MlValueMeter.For(meterFactory).Data;
    }

    /// <summary>The source's name.</summary>
    public string Name { get; }

    /// <summary>Loads the committed checkpoint.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The checkpoint, or <see langword="null"/> before the first commit.</returns>
    public Task<string?> LoadAsync(CancellationToken cancellationToken) => _store.LoadAsync(Name, cancellationToken);

    /// <summary>Builds a batch of the records and errors read past <paramref name="from"/>, stamped with the clock, and counts it in telemetry.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records read.</param>
    /// <param name="errors">The read errors, each with its location.</param>
    /// <param name="from">The committed checkpoint the read started at.</param>
    /// <param name="to">The checkpoint after the batch.</param>
    /// <returns>The batch.</returns>
    public DataBatch<T> Batch<T>(IReadOnlyList<T> records, IReadOnlyList<DataReadError> errors, string? from, string to)
        where T : class, new()
    {
        var batch = new DataBatch<T>(Name, records, errors, from, to, _time.GetUtcNow());
        _telemetry.Record(batch);
        return batch;
    }

    /// <summary>Commits a batch: saves its end checkpoint if the batch starts at the committed checkpoint.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="batch">A batch built by this source.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A task that completes when the checkpoint is saved.</returns>
    /// <exception cref="DataSourceException">The batch belongs to another source, or another batch was committed since it was read (read again).</exception>
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

    /// <summary>Reads a checkpoint written as a row position (sources whose rows only grow).</summary>
    /// <param name="checkpoint">The checkpoint, or <see langword="null"/> for the start.</param>
    /// <returns>The position: 0 for <see langword="null"/>.</returns>
    /// <exception cref="DataSourceException">The checkpoint is not a row position.</exception>
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
