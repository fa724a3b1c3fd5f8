using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace MlValue.Registry;

/// <summary>
/// Bounded reads: a blob is read only when its path is a regular file, never more than its expected length
/// (the size recorded with the version, else the file's own) plus one byte to detect a longer file, and hashed as it is read.
/// </summary>
public sealed partial class FileArtifactStore
{
    /// <summary>Reads and verifies a blob that should hold <paramref name="expectedLength"/> bytes (when known).</summary>
    private async Task<byte[]> ReadVerifiedAsync(string sha256, long? expectedLength, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        var (bytes, actual, problem) = await ReadFileAsync(path, expectedLength, keep: true, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            throw new ArtifactIntegrityException($"The blob {sha256} at '{path}' cannot be read: {problem}.") { ExpectedSha256 = sha256, Problem = problem };
        }

        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            throw new ArtifactIntegrityException($"The blob at '{path}' is corrupted: expected SHA-256 {sha256}, actual {actual}.") { ExpectedSha256 = sha256, ActualSha256 = actual };
        }

        return bytes!;
    }

    /// <summary>What makes <paramref name="path"/> unusable as a blob, or null when it is a regular file.</summary>
    internal static string? Damage(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return $"the blob path '{path}' is a symbolic link to '{target}', not a regular file";
        }

        if (System.IO.Directory.Exists(path))
        {
            return $"the blob path '{path}' is a directory, not a file";
        }

        return info.Exists ? null : "the blob is missing";
    }

    private static async Task<bool> VerifiesAsync(string path, string sha256, long length, CancellationToken cancellationToken)
    {
        var (_, actual, problem) = await ReadFileAsync(path, length, keep: false, cancellationToken).ConfigureAwait(false);
        return problem is null && string.Equals(actual, sha256, StringComparison.Ordinal);
    }

    private static async Task<(byte[]? Bytes, string? Sha256, string? Problem)> ReadFileAsync(string path, long? expectedLength, bool keep, CancellationToken cancellationToken)
    {
        if (Damage(path) is { } damage)
        {
            return (null, null, damage);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, null, "the blob is missing");
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            return (null, null, $"the blob path '{path}' cannot be opened ({error.Message})");
        }

        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            if (expectedLength is { } expected && length != expected)
            {
                return (null, null, string.Create(CultureInfo.InvariantCulture, $"the blob holds {length} bytes, not the {expected} recorded"));
            }

            if (length > Array.MaxLength)
            {
                return (null, null, string.Create(CultureInfo.InvariantCulture, $"the blob holds {length} bytes, more than one array can hold"));
            }

            return await HashAsync(stream, (int)length, keep, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes, hashing them, then probes one more byte: a longer source is refused.</summary>
    private static async Task<(byte[]? Bytes, string? Sha256, string? Problem)> HashAsync(Stream stream, int length, bool keep, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var bytes = keep ? new byte[length] : null;
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var total = 0;
            while (total < length)
            {
                var target = bytes is null ? chunk.AsMemory(0, Math.Min(chunk.Length, length - total)) : bytes.AsMemory(total, Math.Min(81920, length - total));
                var read = await stream.ReadAsync(target, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (null, null, string.Create(CultureInfo.InvariantCulture, $"the blob ended after {total} of its {length} bytes (it shrank while being read)"));
                }

                hash.AppendData(target.Span[..read]);
                total += read;
            }

            if (await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) > 0)
            {
                return (null, null, string.Create(CultureInfo.InvariantCulture, $"the blob holds more than the {length} bytes its size says (it is not a regular file, or it grew while being read)"));
            }

            return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()), null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
