namespace MlValue.Internal;

/// <summary>
/// Crash-safe file writes: write a temporary file beside the target (<c>.&lt;target&gt;.&lt;32 hex&gt;.tmp</c>), flush it
/// to disk, rename it over the target, then flush the folder. A process killed at any instant leaves either the old
/// file or the new one, plus at most a temporary file that <see cref="RemoveStale"/> removes when the store is next opened.
/// </summary>
internal static partial class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var temp = TempBeside(path);
        try
        {
            // FileShare.None is an exclusive lock (flock on Unix) held while the bytes are written: RemoveStale skips a locked file.
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(Path.GetDirectoryName(temp)!);
        }
        finally
        {
            DeleteIfPresent(temp);
        }
    }

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temp = TempBeside(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(Path.GetDirectoryName(temp)!);
        }
        finally
        {
            DeleteIfPresent(temp);
        }
    }

    private static string TempBeside(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    private static void DeleteIfPresent(string temp)
    {
        try
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        catch (IOException)
        {
            // The temporary file is left behind; it never replaces the target, and RemoveStale removes it later.
        }
    }
}
