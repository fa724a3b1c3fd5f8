using System.Globalization;
using System.Security.Cryptography;

namespace MlValue.Registry;

/// <summary>
/// The default <see cref="IArtifactStore"/>: one file per blob at <c>&lt;dir&gt;/ab/cdef…</c> (the first two
/// hex digits of the SHA-256 name a sub-folder). Writes go to a temporary file in the same folder,
/// are flushed to disk and renamed atomically into place; reads are verified.
/// </summary>
internal sealed partial class FileArtifactStore : IArtifactStore
{
    internal const string TempPrefix = ".tmp-";

    public FileArtifactStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    public async Task<string> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        if (File.Exists(path) && await VerifiesAsync(path, sha256, cancellationToken).ConfigureAwait(false))
        {
            return sha256;
        }

        var folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, TempPrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            Publish(temp, path, sha256);
        }
        finally
        {
            File.Delete(temp);
        }

        if (!await VerifiesAsync(path, sha256, cancellationToken).ConfigureAwait(false))
        {
            throw new ArtifactIntegrityException(string.Create(CultureInfo.InvariantCulture, $"The blob {sha256} did not verify after it was written to '{path}'. Check the disk and retry the registration.")) { ExpectedSha256 = sha256 };
        }

        return sha256;
    }

    public async Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArtifactIntegrityException($"The blob {sha256} is missing: no file at '{path}'.", error) { ExpectedSha256 = sha256 };
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            throw new ArtifactIntegrityException($"The blob at '{path}' is corrupted: expected SHA-256 {sha256}, actual {actual}.") { ExpectedSha256 = sha256, ActualSha256 = actual };
        }

        return bytes;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
        => Task.FromResult(File.Exists(PathOf(sha256)));

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
