namespace MlValue.Registry;

public sealed partial class FileArtifactStore
{
    /// <summary>
    /// Deletes the temporary files left by interrupted writes whose last write is older than
    /// <paramref name="cutoff"/>; a registry's garbage collection calls it with a grace period
    /// (<see cref="RegistrySettings.TempFileGracePeriod"/>) so a write still in progress is kept.
    /// </summary>
    /// <param name="cutoff">Files last written before this are removed.</param>
    /// <returns>How many files were removed.</returns>
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

    /// <summary>The file a blob is kept in: <c>&lt;directory&gt;/&lt;first two hex digits&gt;/&lt;the other 62&gt;</c>, for operators and backups.</summary>
    /// <param name="sha256">The blob's address (64 lower-case hex digits).</param>
    /// <returns>The absolute path (the file may not exist).</returns>
    /// <exception cref="ArtifactIntegrityException">The address is not a SHA-256.</exception>
    public string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArtifactIntegrityException($"'{sha256}' is not a blob address: expected 64 lower-case hex digits (a SHA-256).") { ExpectedSha256 = sha256 };
        }

        return Path.Combine(Directory, sha256[..2], sha256[2..]);
    }

    internal static bool IsSha256(string value)
        => value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Moves the temporary file to the address; a blob already there is kept when it verifies, else replaced atomically.</summary>
    private static async Task PublishAsync(string temp, string path, string sha256, long length, CancellationToken cancellationToken)
    {
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer published the same address first; keep its blob if it verifies,
            // otherwise replace the damaged one atomically.
            if (!await VerifiesAsync(path, sha256, length, cancellationToken).ConfigureAwait(false))
            {
                RemoveDamaged(path);
                File.Move(temp, path, overwrite: true);
            }
        }
    }

    /// <summary>Removes a link or a directory found at a blob's address so a good blob can be renamed there (a damaged file is replaced by the rename itself).</summary>
    private static void RemoveDamaged(string path)
    {
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                File.Delete(path);
            }
            else if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Another writer repaired it first.
        }
    }
}
