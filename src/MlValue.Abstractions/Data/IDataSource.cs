namespace MlValue.Data;

/// <summary>
/// The seam of the collect stage: a source of records of type <typeparamref name="T"/> that
/// reads incrementally. Each <see cref="ReadAsync"/> returns only what lies past the last
/// committed checkpoint; <see cref="CommitAsync"/> moves the checkpoint past a batch once it is
/// processed. A crash between the two re-delivers the batch (at-least-once), never loses it.
/// </summary>
/// <typeparam name="T">The record type: a class with public read-write properties.</typeparam>
public interface IDataSource<T>
    where T : class, new()
{
    /// <summary>The name of the source, also the key of its checkpoint.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the records past the committed checkpoint (at most the configured batch size).
    /// Bad lines become <see cref="DataBatch{T}.Errors"/>; good lines still come through.
    /// Reading does not move the checkpoint: reading twice without committing returns the same batch.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, possibly empty.</returns>
    /// <exception cref="DataSourceException">The source cannot be read at all (missing folder, unreadable file, corrupt checkpoint).</exception>
    Task<DataBatch<T>> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Persists the checkpoint at the end of <paramref name="batch"/>, so the next read (in this
    /// or a restarted process) starts after it.
    /// </summary>
    /// <param name="batch">A batch returned by <see cref="ReadAsync"/> of this source.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A task that completes when the checkpoint is durable.</returns>
    /// <exception cref="DataSourceException">The batch belongs to another source or is stale (another batch was committed since it was read).</exception>
    Task CommitAsync(DataBatch<T> batch, CancellationToken cancellationToken = default);
}
