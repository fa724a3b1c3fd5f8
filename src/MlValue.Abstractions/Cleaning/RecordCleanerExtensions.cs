namespace MlValue.Cleaning;

/// <summary>Convenience calls on <see cref="IRecordCleaner{T}"/>, kept off the seam so it stays small.</summary>
public static class RecordCleanerExtensions
{
    /// <summary>Cleans <paramref name="records"/>; the position of a record is its zero-based index.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="cleaner">The cleaner.</param>
    /// <param name="records">The records, read once.</param>
    /// <returns>Clean records in input order, the quarantine and the report.</returns>
    public static CleaningResult<T> Clean<T>(this IRecordCleaner<T> cleaner, IEnumerable<T?> records)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(cleaner);
        return cleaner.Clean(records, null);
    }
}
