namespace MlValue.Data;

/// <summary>
/// Keeps datasets by their content id (<c>ds-</c> + 32 hex digits), as compressed streams. The store is
/// byte-level: <c>DatasetStoreExtensions.SaveAsync</c> and <c>LoadAsync</c> in MlValue write and read
/// the rows and verify them against the id. Defaults: a folder of files under the MlValue root
/// (<c>FileDatasetStore</c>) and a PostgreSQL table (<c>PostgreSqlDatasetStore</c>).
/// </summary>
public interface IDatasetStore
{
    /// <summary>
    /// Stores the content of a dataset unless the id is already stored. The content becomes visible
    /// all at once, after <paramref name="writeContent"/> returned: a writer that throws or a process
    /// that dies mid-write leaves nothing under the id.
    /// </summary>
    /// <param name="datasetId">The dataset's content id.</param>
    /// <param name="writeContent">Writes the content to the stream it is given.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when stored now, <see langword="false"/> when the id was already stored.</returns>
    /// <exception cref="DatasetException">The id is not a dataset content id, or the store cannot be written.</exception>
    Task<bool> WriteAsync(string datasetId, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default);

    /// <summary>Opens the stored content of a dataset for reading.</summary>
    /// <param name="datasetId">The dataset's content id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content stream (the caller disposes it), or <see langword="null"/> when the id is not stored.</returns>
    Task<Stream?> OpenReadAsync(string datasetId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored dataset.</summary>
    /// <param name="datasetId">The dataset's content id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was stored.</returns>
    Task<bool> DeleteAsync(string datasetId, CancellationToken cancellationToken = default);

    /// <summary>Lists the stored datasets, by id.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored datasets.</returns>
    Task<IReadOnlyList<StoredDataset>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Where the dataset's content is (or would be) kept, for messages: a file path or a table row.</summary>
    /// <param name="datasetId">The dataset's content id.</param>
    /// <returns>The location.</returns>
    string Locate(string datasetId);
}
