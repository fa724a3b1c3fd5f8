namespace MlValue.Data;

/// <summary>
/// Persists the checkpoint (watermark) of each data source, so that a restarted process neither
/// re-reads nor skips records. A checkpoint is an opaque string owned by its source.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Loads the last saved checkpoint of a source.</summary>
    /// <param name="sourceName">The source name: letters, digits, '.', '_' or '-', at most 128 characters.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when none was saved yet.</returns>
    Task<string?> LoadAsync(string sourceName, CancellationToken cancellationToken = default);

    /// <summary>Saves the checkpoint of a source, replacing the previous one atomically.</summary>
    /// <param name="sourceName">The source name: letters, digits, '.', '_' or '-', at most 128 characters.</param>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the checkpoint is durable.</returns>
    Task SaveAsync(string sourceName, string checkpoint, CancellationToken cancellationToken = default);
}
