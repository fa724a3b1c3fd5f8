namespace MlValue.Data;

/// <summary>Creates content-addressed datasets from records, or over rows an engine holds (the ML.NET package adds <c>Dataset.FromDataView</c>).</summary>
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
        var shape = RecordColumns.Of<T>();
        var hasher = new DatasetHasher(shape.Schema);
        var copies = new List<T>(records is ICollection<T> known ? known.Count : 16);
        foreach (var record in records)
        {
            if (record is null)
            {
                throw new DatasetException($"Record {copies.Count} (0-based) of the '{typeof(T).Name}' records for source '{provenance.Source}' is null. Remove null entries before creating the dataset.");
            }

            foreach (var property in shape.Columns)
            {
                property.HashInto(record, hasher);
            }

            copies.Add((T)shape.Copy(record));
        }

        DataTelemetry.RowsHashed.Add(copies.Count);
        return new Dataset<T>(hasher.Finish(copies.Count), shape.Schema, provenance, copies.Count, copies.ToArray(), rows: null);
    }

    /// <summary>
    /// Creates a dataset over rows that an engine holds (an ML.NET data view, a columnar file, a
    /// database cursor) without materialising them. <paramref name="hashRows"/> streams every row
    /// once into the given <see cref="DatasetHasher"/>, one call per field in the order of
    /// <paramref name="schema"/>'s columns, and returns the row count; the id is then the id that
    /// the same rows given as records would have.
    /// </summary>
    /// <typeparam name="T">The record type the rows map to.</typeparam>
    /// <param name="rows">The engine's rows.</param>
    /// <param name="schema">The columns the engine hashes, ordered by name (ordinal); for the id to equal the records' id, the schema of <typeparamref name="T"/> (<see cref="RecordColumns.Schema"/>).</param>
    /// <param name="provenance">Where the rows came from.</param>
    /// <param name="hashRows">Appends every field of every row to the hasher and returns the number of rows.</param>
    /// <param name="cancellationToken">Passed to <paramref name="hashRows"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetException">The schema has no columns, or <paramref name="hashRows"/> returned a negative count.</exception>
    public static Dataset<T> FromRows<T>(IDatasetRows<T> rows, DatasetSchema schema, DatasetProvenance provenance, Func<DatasetHasher, CancellationToken, long> hashRows, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(hashRows);
        if (schema.Columns.Count == 0)
        {
            throw new DatasetException($"The schema of the '{typeof(T).Name}' rows for source '{provenance.Source}' has no columns, so the rows cannot be hashed. Give the engine's columns.");
        }

        var hasher = new DatasetHasher(schema);
        var count = hashRows(hasher, cancellationToken);
        if (count < 0)
        {
            throw new DatasetException($"Hashing the '{typeof(T).Name}' rows for source '{provenance.Source}' returned {count} rows. Return the number of rows appended.");
        }

        DataTelemetry.RowsHashed.Add(count);
        return new Dataset<T>(hasher.Finish(count), schema, provenance, count, records: null, rows);
    }
}
