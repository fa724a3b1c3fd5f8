namespace MlValue.Data;

/// <summary>
/// What one <see cref="IDataSource{T}.ReadAsync"/> returned: the new records, the read errors
/// (bad lines with file, line, column and reason), and the checkpoints before and after.
/// Pass it to <see cref="IDataSource{T}.CommitAsync"/> once it is processed.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed partial class DataBatch<T>
    where T : class, new()
{
    internal DataBatch(string sourceName, IReadOnlyList<T> records, IReadOnlyList<DataReadError> errors, string? fromCheckpoint, string toCheckpoint, DateTimeOffset readAt)
    {
        SourceName = sourceName;
        Records = records;
        Errors = errors;
        FromCheckpoint = fromCheckpoint;
        ToCheckpoint = toCheckpoint;
        ReadAt = readAt;
    }

    /// <summary>The name of the source that produced the batch.</summary>
    public string SourceName { get; }

    /// <summary>The records read, in source order.</summary>
    public IReadOnlyList<T> Records { get; }

    /// <summary>The records that could not be read, each with file, line, column and reason.</summary>
    public IReadOnlyList<DataReadError> Errors { get; }

    /// <summary>The committed checkpoint the read started from (<see langword="null"/> for the very first read).</summary>
    public string? FromCheckpoint { get; }

    /// <summary>The checkpoint that <see cref="IDataSource{T}.CommitAsync"/> persists.</summary>
    public string ToCheckpoint { get; }

    /// <summary>When the batch was read, from the injected <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>True when there was nothing new: no records and no read errors.</summary>
    public bool IsEmpty => Records.Count == 0 && Errors.Count == 0;

    /// <summary>
    /// Creates a content-addressed dataset of the records of this batch, with the source name as
    /// provenance and the read time as the end of its window.
    /// </summary>
    /// <param name="windowStart">The start of the window the batch covers, if known (for example the previous read time).</param>
    /// <returns>The dataset.</returns>
    public Dataset<T> ToDataset(DateTimeOffset? windowStart = null)
        => Dataset.FromRecords(Records, new DatasetProvenance { Source = SourceName, WindowStart = windowStart, WindowEnd = ReadAt });
}
