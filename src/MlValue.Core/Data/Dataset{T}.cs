using Microsoft.ML;

namespace MlValue.Data;

/// <summary>
/// An immutable, content-addressed set of rows. <see cref="Id"/> is the hash of the schema and
/// the canonical row content: the same rows in the same order give the same id on any machine,
/// and one changed value gives another id. Create one with <see cref="Dataset.FromRecords{T}"/>,
/// <see cref="Dataset.FromDataView{T}"/> or <see cref="DataBatch{T}.ToDataset"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed partial class Dataset<T>
    where T : class, new()
{
    private readonly T[]? _records;
    private readonly IDataView? _view;
    private readonly MLContext? _context;

    internal Dataset(string id, DatasetSchema schema, DatasetProvenance provenance, long count, T[]? records, IDataView? view, MLContext? context)
    {
        Id = id;
        Schema = schema;
        Provenance = provenance;
        Count = count;
        _records = records;
        _view = view;
        _context = context;
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
            return _context!.Data.CreateEnumerable<T>(_view!, reuseRowObject: false);
        }

        var shape = RecordShape.Of<T>();
        return _records.Select(r => (T)shape.Copy(r));
    }

    /// <summary>Exposes the rows as an ML.NET <see cref="IDataView"/> without copying them into a new store.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <returns>The view.</returns>
    /// <exception cref="DatasetException">A column type ML.NET cannot load (nullable value types, decimal).</exception>
    public IDataView ToDataView(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        if (_view is not null)
        {
            return _view;
        }

        var unsupported = RecordShape.Of<T>().Properties.FirstOrDefault(p => p.IsNullableValue || p.Kind == ColumnKind.Decimal);
        if (unsupported is not null)
        {
            throw new DatasetException($"Dataset {Id}: property '{typeof(T).Name}.{unsupported.Name}' ({unsupported.Column.Type}{(unsupported.IsNullableValue ? "?" : string.Empty)}) cannot be loaded into an ML.NET data view. Map it to float, double, int, long, bool, string or DateTime (for example clean nulls to NaN) before training.");
        }

        return mlContext.Data.LoadFromEnumerable(_records!);
    }
}
