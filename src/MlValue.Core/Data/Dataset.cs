using Microsoft.ML;

namespace MlValue.Data;

/// <summary>Creates content-addressed datasets from records or from an ML.NET <see cref="IDataView"/>.</summary>
public static class Dataset
{
    /// <summary>
    /// Creates a dataset from records, copying them (so later changes to the objects do not change
    /// the dataset) and hashing schema and rows in one pass.
    /// </summary>
    /// <typeparam name="T">The record type: a class with public read-write properties of supported types.</typeparam>
    /// <param name="records">The rows, in order; order is part of the id.</param>
    /// <param name="provenance">Where the rows came from.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetException">A record is null or the type has a property a column cannot hold.</exception>
    public static Dataset<T> FromRecords<T>(IEnumerable<T> records, DatasetProvenance provenance)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(provenance);
        var shape = RecordShape.Of<T>();
        var hasher = new ContentHasher(shape.Schema);
        var copies = new List<T>(records is ICollection<T> known ? known.Count : 16);
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new DatasetException($"Record {copies.Count} (0-based) of the '{typeof(T).Name}' records for source '{provenance.Source}' is null. Remove null entries before creating the dataset.");
            }

            foreach (var property in shape.Properties)
            {
                property.HashInto(record, hasher);
            }

            copies.Add((T)shape.Copy(record));
        }

        DataTelemetry.RowsHashed.Add(copies.Count);
        return new Dataset<T>(hasher.Finish(copies.Count), shape.Schema, provenance, copies.Count, copies.ToArray(), view: null, context: null);
    }

    /// <summary>
    /// Creates a dataset over an <see cref="IDataView"/> (for example from
    /// <c>mlContext.Data.LoadFromTextFile</c>) without materialising it: the id is computed by
    /// streaming one cursor over all visible columns. Every property of <typeparamref name="T"/>
    /// must be a column of the view, so rows can be read back as records.
    /// </summary>
    /// <typeparam name="T">The record type the rows map to.</typeparam>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="data">The data view; it must be re-readable and unchanged while the dataset is used.</param>
    /// <param name="provenance">Where the rows came from.</param>
    /// <param name="cancellationToken">Cancels the hashing pass.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetException">A column has a type a dataset cannot hash, or a property of <typeparamref name="T"/> is not a column of the view.</exception>
    public static Dataset<T> FromDataView<T>(MLContext mlContext, IDataView data, DatasetProvenance provenance, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(provenance);
        var schema = DataViewHasher.SchemaOf(data);
        foreach (var property in RecordShape.Of<T>().Properties)
        {
            var column = schema.Columns.FirstOrDefault(c => string.Equals(c.Name, property.Name, StringComparison.Ordinal));
            if (column is null || column.Type != property.Column.Type)
            {
                throw new DatasetException(
                    $"Property '{typeof(T).Name}.{property.Name}' ({property.Column.Type}) has no matching column in the data view (columns: {schema}). Name the loaded column like the property, with the same type, or remove the property from the record type.");
            }
        }

        var (id, rows) = DataViewHasher.Hash(data, schema, cancellationToken);
        return new Dataset<T>(id, schema, provenance, rows, records: null, data, mlContext);
    }
}
