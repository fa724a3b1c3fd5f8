namespace MlValue.Tests.Internal;

/// <summary>Leftover temporary files as a killed <c>AtomicFile</c> save leaves them: <c>.&lt;target&gt;.&lt;32 hex&gt;.tmp</c>.</summary>
internal static class StaleTemps
{
    public static string Create(string folder, string target, DateTimeOffset lastWrite)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "." + target + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(path, "half a save");
        File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }
}
