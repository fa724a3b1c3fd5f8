using System.Text;
using MlValue.Internal;

namespace MlValue.Data;

/// <summary>
/// An <see cref="ICheckpointStore"/> that keeps one file per source (<c>&lt;name&gt;.checkpoint</c>)
/// under a root folder. Saves are crash-safe: the checkpoint is written to a temporary file,
/// flushed to disk, then renamed over the old one atomically, so a crash leaves either the old
/// or the new checkpoint, never a torn one. Opening the store removes the temporary files of saves that were
/// killed, once they are an hour old and no writer holds them open.
/// </summary>
public sealed class FileCheckpointStore : ICheckpointStore
{
    private readonly string _root;

    /// <summary>Creates a store under <paramref name="rootDirectory"/> (created on first save).</summary>
    /// <param name="rootDirectory">The folder of the checkpoint files.</param>
    public FileCheckpointStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        AtomicFile.RemoveStale(_root, "*.checkpoint", TimeProvider.System.GetUtcNow());
    }

    /// <summary>The full path of the folder of the checkpoint files.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc/>
    public async Task<string?> LoadAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sourceName);
        try
        {
            return File.Exists(path) ? await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"The checkpoint of data source '{sourceName}' at '{path}' cannot be read: {e.Message} Check that the file is readable by this process.", e);
        }
    }

    /// <inheritdoc/>
    public async Task SaveAsync(string sourceName, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var path = PathOf(sourceName);
        try
        {
            await AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes(checkpoint), token).AsTask(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"The checkpoint of data source '{sourceName}' cannot be saved to '{path}': {e.Message} Check that the folder exists or can be created and is writable.", e);
        }
    }

    private string PathOf(string sourceName) => Path.Combine(_root, SourceName.Validate(sourceName) + ".checkpoint");
}
