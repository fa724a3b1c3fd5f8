namespace MlValue.Data;

/// <summary>Turns a batch read from a source into a dataset.</summary>
public static class DataBatchExtensions
{
    /// <summary>
    /// Creates a content-addressed dataset of the records of this batch, with the source name as
    /// provenance and the read time as the end of its window.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="batch">The batch.</param>
    /// <param name="windowStart">The start of the window the batch covers, if known (for example the previous read time).</param>
    /// <returns>The dataset.</returns>
    public static Dataset<T> ToDataset<T>(this DataBatch<T> batch, DateTimeOffset? windowStart = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Dataset.FromRecords(batch.Records, new DatasetProvenance { Source = batch.SourceName, WindowStart = windowStart, WindowEnd = batch.ReadAt });
    }
}
