using MlValue.Internal;

namespace MlValue.Training;

/// <summary>
/// The input of a training: the rows (as a streaming <see cref="IEnumerable{T}"/>, and, when a data
/// engine holds them, in that engine's own form), the ids of the datasets they come from, and the
/// seed. Neither path materialises all rows as objects: the ML.NET package streams records through
/// <c>LoadFromEnumerable</c> and reads a data view's rows as records only when a trainer asks.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public sealed class TrainingSet<TRecord>
    where TRecord : class, new()
{
    private TrainingSet(IEnumerable<TRecord> records, object? rawRepresentation, IReadOnlyList<string> datasetIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(datasetIds);
        if (datasetIds.Count == 0 || datasetIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A training set needs at least one dataset id, and none may be empty: pass the id(s) of the dataset(s) the rows come from, so the model can be traced to its data.", nameof(datasetIds));
        }

        Records = records;
        RawRepresentation = rawRepresentation;
        DatasetIds = [.. datasetIds];
        Seed = seed;
    }

    /// <summary>The ids of the datasets the rows come from (recorded in the model's provenance).</summary>
    public IReadOnlyList<string> DatasetIds { get; }

    /// <summary>The seed of every random choice of the training; same data and seed give the same model.</summary>
    public int Seed { get; }

    /// <summary>The rows as records, streamed. May be enumerated more than once.</summary>
    public IEnumerable<TRecord> Records { get; }

    /// <summary>
    /// The rows in a data engine's own form (for ML.NET an <c>IDataView</c>) when the set was made
    /// from one, so that a trainer of that engine reads them without a copy; <see langword="null"/>
    /// when the set was made from records.
    /// </summary>
    public object? RawRepresentation { get; }

    /// <summary>Creates a training set from records; they are streamed, never copied into a list.</summary>
    /// <param name="records">The records; must be re-enumerable (multi-pass learners read them several times).</param>
    /// <param name="datasetIds">The id(s) of the dataset(s) the records come from.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The training set.</returns>
    public static TrainingSet<TRecord> FromRecords(IEnumerable<TRecord> records, IReadOnlyList<string> datasetIds, int seed)
        => new(Guard.NotNull(records), null, datasetIds, seed);

    /// <summary>
    /// Creates a training set over rows that a data engine holds (for example an ML.NET data view
    /// through the ML.NET package's <c>TrainingSet&lt;T&gt;.FromDataView</c>).
    /// </summary>
    /// <param name="records">The same rows read as records, lazily; must be re-enumerable.</param>
    /// <param name="rawRepresentation">The engine's own form of the rows.</param>
    /// <param name="datasetIds">The id(s) of the dataset(s) the rows come from.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The training set.</returns>
    public static TrainingSet<TRecord> FromRawRepresentation(IEnumerable<TRecord> records, object rawRepresentation, IReadOnlyList<string> datasetIds, int seed)
        => new(Guard.NotNull(records), Guard.NotNull(rawRepresentation), datasetIds, seed);
}
