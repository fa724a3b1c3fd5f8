using System.Diagnostics;
using System.Text;

namespace MlValue.Tests.Processes;

/// <summary>
/// Starts <c>MlValue.Core.TestWorker</c> as a real child process. The worker is a ProjectReference of
/// the test project (the SQLite and PostgreSQL test projects link this file), so its dll, deps and runtimeconfig are
/// copied beside the test assembly. It inherits the
/// environment, <c>MLVALUE_POSTGRES</c> included; <see cref="StartOnPostgres"/> gives it its schema.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static string WorkerPath => Path.Combine(AppContext.BaseDirectory, "MlValue.Core.TestWorker.dll");

    public List<string> Lines { get; } = [];

    public int ExitCode => _process.ExitCode;

    /// <summary>The application_name of the worker's PostgreSQL sessions.</summary>
    public string ApplicationName => "mlvalue-worker-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static WorkerProcess Start(params string[] arguments)
    {
        Assert.IsTrue(File.Exists(WorkerPath), $"The test worker was not built next to the tests: {WorkerPath}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Starts <paramref name="command"/> on the PostgreSQL registry in <paramref name="schema"/>.</summary>
    public static WorkerProcess StartOnPostgres(string schema, string command, string model, int number)
        => Start("--postgres", "--schema", schema, command, model, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads stdout until <paramref name="count"/> lines arrived (or the worker ended).</summary>
    public async Task<bool> ReadLinesAsync(int count, CancellationToken cancellationToken)
    {
        while (Lines.Count < count)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return false;
            }

            Lines.Add(line);
        }

        return true;
    }

    public async Task ReadToEndAsync(CancellationToken cancellationToken)
    {
        await ReadLinesAsync(int.MaxValue, cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
