using System.Diagnostics.Metrics;
using System.Globalization;
using MlValue.Diagnostics;

namespace MlValue.Data;

/// <summary>
/// A data source over records appended in memory. Its checkpoint is the number of records
/// consumed, so with a persistent <see cref="ICheckpointStore"/> a process that appends the
/// same records again after a restart reads only those past the checkpoint.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class InMemoryDataSource<T> : IDataSource<T>
    where T : class, new()
{
    private readonly SourceCheckpoint _checkpoint;
    private readonly List<T> _records = [];
    private readonly Lock _lock = new();
    private readonly int _maxBatchRecords;

    /// <summary>Creates an empty source.</summary>
    /// <param name="name">The source name and checkpoint key: letters, digits, '.', '_' or '-'.</param>
    /// <param name="checkpoints">Where the checkpoint is kept; <see langword="null"/> for a new <see cref="InMemoryCheckpointStore"/>.</param>
    /// <param name="timeProvider">The clock of <see cref="DataBatch{T}.ReadAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="maxBatchRecords">The most records one read returns. Default: 10,000.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the source's reads are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    public InMemoryDataSource(string name, ICheckpointStore? checkpoints = null, TimeProvider? timeProvider = null, int maxBatchRecords = DataOptions.DefaultMaxBatchRecords, IMeterFactory? meterFactory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchRecords, 1);
        _checkpoint = new SourceCheckpoint(name, checkpoints ?? new InMemoryCheckpointStore(), timeProvider, meterFactory);
        _maxBatchRecords = maxBatchRecords;
    }

    /// <inheritdoc/>
    public string Name => _checkpoint.Name;

    /// <summary>Appends records to the end of the source.</summary>
    /// <param name="records">The records; none may be null.</param>
    public void Append(params IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        if (list.Any(r => r is null))
        {
            throw new ArgumentException($"Records appended to data source '{Name}' must not be null; remove the null entries.", nameof(records));
        }

        lock (_lock)
        {
            _records.AddRange(list);
        }
    }

    /// <inheritdoc/>
    public async Task<DataBatch<T>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var from = await _checkpoint.LoadAsync(cancellationToken).ConfigureAwait(false);
        var position = _checkpoint.ParsePosition(from);
        T[] records;
        lock (_lock)
        {
            var start = (int)Math.Min(position, _records.Count);
            records = _records.Skip(start).Take(_maxBatchRecords).ToArray();
        }

        var to = records.Length == 0 ? from ?? "0" : (position + records.Length).ToString(CultureInfo.InvariantCulture);
        return _checkpoint.Batch<T>(records, [], from, to);
    }

    /// <inheritdoc/>
    public Task CommitAsync(DataBatch<T> batch, CancellationToken cancellationToken = default)
        => _checkpoint.CommitAsync(batch, cancellationToken);
}
