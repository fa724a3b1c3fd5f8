using System.Globalization;
using System.Security.Cryptography;
using MlValue.Internal;

namespace MlValue.Registry;

/// <summary>
/// The default <see cref="IArtifactStore"/>: one file per blob at <c>&lt;dir&gt;/ab/cdef…</c> (the first two
/// hex digits of the SHA-256 name a sub-folder). Writes go to a temporary file in the same folder,
/// are flushed to disk, renamed atomically into place and the folder is flushed; reads are bounded and verified.
/// </summary>
public sealed partial class FileArtifactStore : IArtifactStore
{
    /// <summary>The name prefix of a file being written (<c>.tmp-</c>); a crash leaves such files behind, and garbage collection deletes those older than the grace period.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>Creates a store over a folder (made absolute; created on the first write).</summary>
    /// <param name="directory">The folder that holds the blobs.</param>
    public FileArtifactStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The absolute folder that holds the blobs.</summary>
    public string Directory { get; }

    /// <summary>Flushes a folder's entries to disk after a rename (replaced in tests to observe the order).</summary>
    internal Action<string> FlushFolder { get; init; } = folder => DirectorySync.Flush(folder);

    /// <inheritdoc />
    public async Task<string> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        if (await VerifiesAsync(path, sha256, content.Length, cancellationToken).ConfigureAwait(false))
        {
            return sha256;
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
            FlushFolder(Directory);
        }

        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            RemoveDamaged(path);
            await PublishAsync(temp, path, sha256, content.Length, cancellationToken).ConfigureAwait(false);
            FlushFolder(folder);
        }
        finally
        {
            File.Delete(temp);
        }

        if (!await VerifiesAsync(path, sha256, content.Length, cancellationToken).ConfigureAwait(false))
        {
            throw new ArtifactIntegrityException(string.Create(CultureInfo.InvariantCulture, $"The blob {sha256} did not verify after it was written to '{path}'. Check the disk and retry the registration.")) { ExpectedSha256 = sha256 };
        }

        return sha256;
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default)
        => ReadVerifiedAsync(sha256, null, cancellationToken);

    /// <summary>Reads a blob that should hold <paramref name="expectedLength"/> bytes: a file of another size is refused before its content is read, and never more than that many bytes plus one are read.</summary>
    /// <inheritdoc />
    public Task<byte[]> ReadBoundedAsync(string sha256, long expectedLength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        return ReadVerifiedAsync(sha256, expectedLength, cancellationToken);
    }

    /// <summary>Whether a regular file (not a link, not a directory) is stored under this address; its content is not verified.</summary>
    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
        => Task.FromResult(Damage(PathOf(sha256)) is null);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var found = new List<string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var prefix = Path.GetFileName(folder);
            foreach (var file in System.IO.Directory.EnumerateFiles(folder))
            {
                var candidate = prefix + Path.GetFileName(file);
                if (IsSha256(candidate))
                {
                    found.Add(candidate);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(found);
    }
}
