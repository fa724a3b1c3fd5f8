using Microsoft.ML;
using MlValue.Internal;

namespace MlValue.Training;

/// <summary>
/// The input of a training: the rows (as a streaming <see cref="IEnumerable{T}"/> and as an ML.NET
/// <see cref="IDataView"/>), the ids of the datasets they come from, and the seed.
/// Neither path materialises all rows as objects: records stream through
/// <c>LoadFromEnumerable</c>, and a data view (for example from <c>LoadFromTextFile</c>) streams
/// rows through <c>CreateEnumerable</c> only when a trainer asks for records.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public sealed class TrainingSet<TRecord>
    where TRecord : class, new()
{
    private readonly IEnumerable<TRecord>? _records;
    private readonly IDataView? _dataView;

    private TrainingSet(IEnumerable<TRecord>? records, IDataView? dataView, IReadOnlyList<string> datasetIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(datasetIds);
        if (datasetIds.Count == 0 || datasetIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A training set needs at least one dataset id, and none may be empty: pass the id(s) of the dataset(s) the rows come from, so the model can be traced to its data.", nameof(datasetIds));
        }

        _records = records;
        _dataView = dataView;
        DatasetIds = [.. datasetIds];
        Seed = seed;
    }

    /// <summary>The ids of the datasets the rows come from (recorded in the model's provenance).</summary>
    public IReadOnlyList<string> DatasetIds { get; }

    /// <summary>The seed of every random choice of the training; same data and seed give the same model.</summary>
    public int Seed { get; }

    /// <summary>The rows as records, streamed. May be enumerated more than once.</summary>
    public IEnumerable<TRecord> Records => _records ?? new MLContext(Seed).Data.CreateEnumerable<TRecord>(_dataView!, reuseRowObject: false);

    /// <summary>Creates a training set from records; they are streamed, never copied into a list.</summary>
    /// <param name="records">The records; must be re-enumerable (multi-pass learners read them several times).</param>
    /// <param name="datasetIds">The id(s) of the dataset(s) the records come from.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The training set.</returns>
    public static TrainingSet<TRecord> FromRecords(IEnumerable<TRecord> records, IReadOnlyList<string> datasetIds, int seed)
        => new(Guard.NotNull(records), null, datasetIds, seed);

    /// <summary>Creates a training set from an ML.NET data view, for example a large file read by <c>LoadFromTextFile</c>.</summary>
    /// <param name="dataView">The data view; its column names are the ones the trainer options refer to.</param>
    /// <param name="datasetIds">The id(s) of the dataset(s) the rows come from.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The training set.</returns>
    public static TrainingSet<TRecord> FromDataView(IDataView dataView, IReadOnlyList<string> datasetIds, int seed)
        => new(null, Guard.NotNull(dataView), datasetIds, seed);

    /// <summary>The rows as an ML.NET data view, streamed from the records or the given view.</summary>
    /// <param name="mlContext">The context of the training.</param>
    /// <returns>The data view.</returns>
    public IDataView ToDataView(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return _dataView ?? mlContext.Data.LoadFromEnumerable(_records!);
    }

    /// <summary>True when the set was created from records (so null text can be detected per record).</summary>
    internal bool HasRecords => _records is not null;
}
