using System.Globalization;
using Microsoft.ML;

namespace MlValue.Data;

/// <summary>
/// A data source over an ML.NET <see cref="IDataView"/> whose rows only grow (for example a
/// database loader). The checkpoint is the row position; each read streams a cursor past it.
/// </summary>
/// <typeparam name="T">The record type the rows map to.</typeparam>
internal sealed class DataViewDataSource<T> : IDataSource<T>
    where T : class, new()
{
    private readonly SourceCheckpoint _checkpoint;
    private readonly MLContext _mlContext;
    private readonly IDataView _data;
    private readonly int _maxBatchRecords;

    public DataViewDataSource(string name, MLContext mlContext, IDataView data, ICheckpointStore checkpoints, DataOptions? options, TimeProvider? timeProvider)
    {
        _checkpoint = new SourceCheckpoint(name, checkpoints, timeProvider);
        _mlContext = mlContext ?? throw new ArgumentNullException(nameof(mlContext));
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _maxBatchRecords = (options ?? new DataOptions()).MaxBatchRecords;
        if (_maxBatchRecords < 1)
        {
            throw new ArgumentException($"MlValue:Data:MaxBatchRecords must be at least 1; it is {_maxBatchRecords}. Default: 10000.", nameof(options));
        }
    }

    public string Name => _checkpoint.Name;

    public async Task<DataBatch<T>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var from = await _checkpoint.LoadAsync(cancellationToken).ConfigureAwait(false);
        var position = _checkpoint.ParsePosition(from);
        var records = new List<T>();
        IEnumerable<T> rows;
        try
        {
            rows = _mlContext.Data.CreateEnumerable<T>(position == 0 ? _data : _mlContext.Data.SkipRows(_data, position), reuseRowObject: false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new DataSourceException($"The data view of source '{Name}' cannot be read as '{typeof(T).Name}': {e.Message} Name each property like a column of the view, with a matching type.", e);
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            records.Add(row);
            if (records.Count == _maxBatchRecords)
            {
                break;
            }
        }

        var to = (position + records.Count).ToString(CultureInfo.InvariantCulture);
        return _checkpoint.Batch<T>(records, [], from, to);
    }

    public Task CommitAsync(DataBatch<T> batch, CancellationToken cancellationToken = default)
        => _checkpoint.CommitAsync(batch, cancellationToken);
}
