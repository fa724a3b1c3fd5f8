namespace MlValue.Data;

/// <summary>
/// An immutable, content-addressed set of rows. <see cref="Id"/> is the hash of the schema and
/// the canonical row content: the same rows in the same order give the same id on any machine,
/// and one changed value gives another id. Create one with <see cref="Dataset.FromRecords{T}"/>,
/// <c>DataBatch&lt;T&gt;.ToDataset</c> or, with the ML.NET package, <c>Dataset.FromDataView</c>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed partial class Dataset<T>
    where T : class, new()
{
    private readonly T[]? _records;
    private readonly IDatasetRows<T>? _rows;

    internal Dataset(string id, DatasetSchema schema, DatasetProvenance provenance, long count, T[]? records, IDatasetRows<T>? rows)
    {
        Id = id;
        Schema = schema;
        Provenance = provenance;
        Count = count;
        _records = records;
        _rows = rows;
    }

    /// <summary>The content-addressed id: <c>ds-</c> followed by 32 lower-case hex digits of an XxHash128.</summary>
    public string Id { get; }

    /// <summary>The columns (names and canonical types) that the id covers.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>Where the rows came from.</summary>
    public DatasetProvenance Provenance { get; }

    /// <summary>The number of rows.</summary>
    public long Count { get; }

    /// <summary>
    /// Streams the rows as records. Each enumeration yields fresh objects, so changing them never
    /// changes the dataset; a dataset over a data view reads it through a cursor.
    /// </summary>
    /// <returns>The rows, in order.</returns>
    public IEnumerable<T> AsEnumerable()
    {
        if (_records is null)
        {
            return _rows!.Enumerate();
        }

        var shape = RecordColumns.Of<T>();
        return _records.Select(r => (T)shape.Copy(r));
    }

    /// <summary>The rows when the dataset holds them as records; <see langword="null"/> when an engine holds them.</summary>
    internal T[]? Records => _records;

    /// <summary>The engine that holds the rows (for example an ML.NET data view), if any.</summary>
    internal IDatasetRows<T>? Rows => _rows;

    /// <summary>The engine's own form of the rows (for example an ML.NET <c>IDataView</c>) when the dataset was created with <see cref="Dataset.FromRows"/>; otherwise <see langword="null"/>.</summary>
    public object? RawRepresentation => _rows?.RawRepresentation;
}
