namespace MlValue.Data;

/// <summary>
/// Rows of a dataset held by a data engine rather than as records (for example an ML.NET data
/// view, a columnar file reader, a database cursor): the dataset enumerates and filters them through
/// the engine, so large data never has to become a list of objects. Create such a dataset with
/// <see cref="Dataset.FromRows"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public interface IDatasetRows<T>
    where T : class, new()
{
    /// <summary>Gets the engine's own form of the rows.</summary>
    object RawRepresentation { get; }

    /// <summary>Enumerates the rows as new records.</summary>
    /// <returns>The records, read lazily.</returns>
    IEnumerable<T> Enumerate();

    /// <summary>Creates the dataset of the rows that <paramref name="keep"/> selects.</summary>
    /// <param name="keep">Selects the rows to keep.</param>
    /// <param name="provenance">The provenance of the new dataset.</param>
    /// <returns>The filtered dataset, hashed afresh.</returns>
    Dataset<T> Where(Func<T, bool> keep, DatasetProvenance provenance);
}
