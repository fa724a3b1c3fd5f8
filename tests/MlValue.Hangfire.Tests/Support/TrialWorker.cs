using System.Diagnostics;

namespace MlValue.Hangfire.Tests.Support;

/// <summary>A Hangfire worker child process (MlValue.Hangfire.TestWorker), killed with SIGKILL by the trials.</summary>
internal sealed class TrialWorker : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private TrialWorker(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>What the worker wrote (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public static async Task<TrialWorker> StartAsync(string connectionString, string schema, string hangfireSchema, TimeSpan invisibility, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "MlValue.Hangfire.TestWorker.dll");
        Assert.IsTrue(File.Exists(path), $"The Hangfire test worker was not built next to the tests: {path}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { path, connectionString, schema, hangfireSchema, ((int)invisibility.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var worker = new TrialWorker(Process.Start(start)!);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker._process.OutputDataReceived += (_, e) =>
        {
            worker.Record(e.Data);
            if (e.Data is not null && e.Data.StartsWith("ready ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        worker._process.ErrorDataReceived += (_, e) => worker.Record(e.Data);
        worker._process.Exited += (_, _) => ready.TrySetResult();
        worker._process.EnableRaisingEvents = true;
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        await ready.Task.WaitAsync(cancellationToken);
        if (worker._process.HasExited)
        {
            var output = worker.Output;
            worker.Dispose();
            Assert.Fail($"The Hangfire test worker did not start: {output}");
        }

        return worker;
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
