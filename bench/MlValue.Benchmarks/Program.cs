using BenchmarkDotNet.Running;
using MlValue.Benchmarks.Http;
using MlValue.Benchmarks.Monitoring;

// Benchmarks:   dotnet run -c Release --project bench/MlValue.Benchmarks -- --filter '*' [--job short]
// Memory bound: dotnet run -c Release --project bench/MlValue.Benchmarks -- --memory
// HTTP servers: --http-model FILE (train and write the model), then --http-host --variant mlvalue|mlvalue-monitored|pool|pool-answer --port N --model FILE;
//               eng/bench-http.sh drives them with wrk.
if (args.Contains("--http-model"))
{
    return HttpBenchHost.WriteModel(args);
}

if (args.Contains("--http-host"))
{
    return await HttpBenchHost.RunAsync(args);
}

if (args.Contains("--memory"))
{
    Console.WriteLine(MonitorMemory.Report(MonitorMemory.DefaultCounts, distinctIds: 200_000));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(MonitorMemory).Assembly).Run(args);
return 0;

/// <summary>Internal, so the test project's <c>WebApplicationFactory&lt;Program&gt;</c> of the web API sample sees only the sample's.</summary>
internal sealed partial class Program;
