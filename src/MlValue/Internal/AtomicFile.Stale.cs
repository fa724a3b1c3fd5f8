using System.Text.RegularExpressions;

namespace MlValue.Internal;

/// <summary>
/// Removing the temporary files of saves that were killed. A temporary file is removed only when all three hold:
/// its name is exactly one of ours (<c>.&lt;target&gt;.&lt;32 hex&gt;.tmp</c>, for the targets asked), its last write is
/// older than <see cref="StaleAfter"/>, and no process holds it open: a writer keeps an exclusive lock on its temporary
/// file (FileShare.None, an flock on Unix) while writing, and removal first takes that lock itself, so a live writer's
/// file, in this process or another, is never touched.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>How old a temporary file must be before it may be removed: far longer than any save takes.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Removes the stale temporary files in <paramref name="folder"/> of targets named <paramref name="target"/> (<c>*</c> = any, <c>*.ext</c> = any with that ending).</summary>
    /// <returns>How many were removed; a folder that cannot be listed counts as none (this is housekeeping, never a reason to fail).</returns>
    public static int RemoveStale(string folder, string target, DateTimeOffset now)
    {
        var removed = 0;
        try
        {
            if (!Directory.Exists(folder))
            {
                return 0;
            }

            var cutoff = (now - StaleAfter).UtcDateTime;
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                var match = TempName().Match(Path.GetFileName(file));
                if (match.Success && Targets(target, match.Groups["target"].Value) && File.GetLastWriteTimeUtc(file) < cutoff && TryRemoveUnlocked(file))
                {
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping only: leftovers never replace a target.
        }

        return removed;
    }

    private static bool Targets(string pattern, string target)
        => pattern == "*" || (pattern.StartsWith('*') ? target.EndsWith(pattern[1..], StringComparison.Ordinal) : string.Equals(pattern, target, StringComparison.Ordinal));

    private static bool TryRemoveUnlocked(string file)
    {
        try
        {
            // Taking the writer's exclusive lock fails while a writer holds the file; delete-on-close removes it under our lock.
            using var claim = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.(?<target>.+)\.[0-9a-f]{32}\.tmp\z", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
