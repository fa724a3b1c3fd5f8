namespace MlValue.Data;

/// <summary>Creates content-addressed datasets from records (the ML.NET package adds <c>Dataset.FromDataView</c>).</summary>
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
        return new Dataset<T>(hasher.Finish(copies.Count), shape.Schema, provenance, copies.Count, copies.ToArray(), rows: null);
    }
}
