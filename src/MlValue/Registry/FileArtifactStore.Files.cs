using System.Security.Cryptography;

namespace MlValue.Registry;

internal sealed partial class FileArtifactStore
{
    /// <summary>Deletes temporary files left by interrupted writes whose last write is older than <paramref name="cutoff"/>.</summary>
    public int RemoveTempFilesOlderThan(DateTimeOffset cutoff)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, TempPrefix + "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    internal string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArtifactIntegrityException($"'{sha256}' is not a blob address: expected 64 lower-case hex digits (a SHA-256).") { ExpectedSha256 = sha256 };
        }

        return Path.Combine(Directory, sha256[..2], sha256[2..]);
    }

    internal static bool IsSha256(string value)
        => value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static void Publish(string temp, string path, string sha256)
    {
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer published the same address first; keep its blob if it verifies,
            // otherwise replace the damaged one atomically.
            if (!Verifies(path, sha256))
            {
                File.Move(temp, path, overwrite: true);
            }
        }
    }

    private static async Task<bool> VerifiesAsync(string path, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
                return string.Equals(Convert.ToHexStringLower(hash), sha256, StringComparison.Ordinal);
            }
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static bool Verifies(string path, string sha256)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha256, StringComparison.Ordinal);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
