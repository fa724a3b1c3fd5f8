using System.Runtime.InteropServices;
using System.Text;

namespace MlValue.Internal;

/// <summary>
/// Makes a rename durable: after a file is renamed into a folder, the folder's own entry list must
/// reach the disk too, or a power cut can bring back the old name (or no file at all) although the
/// file's bytes were flushed. On Linux, macOS and FreeBSD the folder is opened read-only and
/// <c>fsync</c>ed, which costs one extra open, fsync and close per published file (about as much
/// as the file's own fsync on a local disk, since both wait for the device). Elsewhere (Windows,
/// where NTFS journals renames) and on file systems that reject it, it is a no-op that returns
/// <see langword="false"/>; it never throws.
/// </summary>
internal static class DirectorySync
{
    /// <summary>Flushes the entries of <paramref name="folder"/> to disk.</summary>
    /// <returns><see langword="true"/> when the folder was flushed.</returns>
    public static bool Flush(string folder)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()))
        {
            return false;
        }

        try
        {
            var path = Encoding.UTF8.GetBytes(Path.GetFullPath(folder) + "\0");
            var descriptor = NativeMethods.Open(path, 0);
            if (descriptor < 0)
            {
                return false;
            }

            var flushed = NativeMethods.Fsync(descriptor) == 0;
            _ = NativeMethods.Close(descriptor);
            return flushed;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Fsync(int descriptor);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Close(int descriptor);
    }
}
