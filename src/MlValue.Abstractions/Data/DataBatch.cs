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
    /// <summary>Creates a batch (for sources other than the built-in ones).</summary>
    /// <param name="sourceName">The name of the source that read it.</param>
    /// <param name="records">The good records, in source order.</param>
    /// <param name="errors">One entry per bad record, with where and why.</param>
    /// <param name="fromCheckpoint">The checkpoint the read started from; null for the first read.</param>
    /// <param name="toCheckpoint">The checkpoint to persist when the batch is committed.</param>
    /// <param name="readAt">When the batch was read.</param>
    public DataBatch(string sourceName, IReadOnlyList<T> records, IReadOnlyList<DataReadError> errors, string? fromCheckpoint, string toCheckpoint, DateTimeOffset readAt)
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
}
