using MlValue.Internal;

namespace MlValue.Data;

/// <summary>
/// The embedded dataset store: one file per dataset, <c>&lt;folder&gt;/ds-….jsonl.gz</c>, written to a
/// temporary file beside it, flushed to disk and renamed into place, so a process killed mid-write
/// leaves no file under the id (only a temporary one, removed when a store is next opened on the folder
/// an hour later). The default folder is <c>&lt;RootDirectory&gt;/datasets</c>, beside the registry's artifacts.
/// </summary>
public sealed class FileDatasetStore : IDatasetStore
{
    private const string Extension = ".jsonl.gz";
    private readonly TimeProvider _time;

    /// <summary>Opens (and creates) the store's folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="timeProvider">The clock of the recorded store times; default: the system clock.</param>
    public FileDatasetStore(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _time = timeProvider ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.RemoveStale(Directory, "*" + Extension, _time.GetUtcNow());
    }

    /// <summary>The store's folder.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async Task<bool> WriteAsync(string datasetId, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var path = Locate(datasetId);
        if (File.Exists(path))
        {
            return false;
        }

        Exception? writerError = null;
        try
        {
            await AtomicFile.WriteAsync(
                path,
                async (stream, token) =>
                {
                    try
                    {
                        await writeContent(stream, token).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        writerError = e;
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
            File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !ReferenceEquals(e, writerError))
        {
            throw new DatasetException($"Dataset {datasetId} cannot be written to {path}: {e.Message}. Check that the folder is writable and the disk has room.", e);
        }

        return true;
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var path = Locate(datasetId);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"Dataset {datasetId} cannot be read from {path}: {e.Message}. Check the file's permissions.", e);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var path = Locate(datasetId);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDataset>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<StoredDataset>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "ds-*" + Extension))
        {
            var id = Path.GetFileName(file)[..^Extension.Length];
            if (DatasetFile.IsId(id))
            {
                var info = new FileInfo(file);
                list.Add(new StoredDataset(id, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return Task.FromResult<IReadOnlyList<StoredDataset>>(list);
    }

    /// <inheritdoc />
    public string Locate(string datasetId) => Path.Combine(Directory, DatasetFile.CheckId(datasetId) + Extension);
}
