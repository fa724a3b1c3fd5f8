using System.Diagnostics;
using System.Runtime.CompilerServices;
using MlValue.PostgreSql.Tests.Support;
using Npgsql;

namespace MlValue.PostgreSql.Tests.Processes;

/// <summary>
/// Runs <c>eng/postgres.sh</c> (found from this file's source path) with <c>bash</c>, in the environment of the tests,
/// so it works on the cluster of <c>MLVALUE_PG_DIR</c>, the one it created. Before the first stop it checks that the
/// server of <c>MLVALUE_POSTGRES</c> is that cluster: a server the script did not create is never stopped.
/// </summary>
internal static class ClusterScript
{
    public static string ScriptPath => Locate();

    /// <summary>Fails unless <c>bash eng/postgres.sh url</c> names the server the tests use (same host and port).</summary>
    public static async Task AssertOwnsTestServerAsync(CancellationToken cancellationToken)
    {
        var (code, output, errors) = await RunAsync("url", cancellationToken);
        var tests = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString);
        var script = code == 0 ? new NpgsqlConnectionStringBuilder(output.Trim()) : null;
        if (script is null || script.Host != tests.Host || script.Port != tests.Port)
        {
            Assert.Fail($"The server-stop trials stop and start the server, so they need the cluster of eng/postgres.sh: {PostgresServer.Variable} names {tests.Host}:{tests.Port}, but `bash eng/postgres.sh url` (MLVALUE_PG_DIR={Environment.GetEnvironmentVariable("MLVALUE_PG_DIR") ?? "unset"}) answered {(script is null ? errors.Trim() : $"{script.Host}:{script.Port}")}. Start the server with `bash eng/postgres.sh start` in the same environment and export the line it prints.");
        }
    }

    /// <summary>Runs one command of the script and fails the test when it fails.</summary>
    public static async Task RequireAsync(string command, CancellationToken cancellationToken)
    {
        var (code, output, errors) = await RunAsync(command, cancellationToken);
        Assert.AreEqual(0, code, $"bash eng/postgres.sh {command} failed: {output}{errors}");
    }

    public static async Task<(int Code, string Output, string Errors)> RunAsync(string command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ScriptPath);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    private static string Locate([CallerFilePath] string here = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "eng", "postgres.sh"));
        Assert.IsTrue(File.Exists(path), $"eng/postgres.sh was not found at {path} (the tests find it from their source folder)");
        return path;
    }
}
