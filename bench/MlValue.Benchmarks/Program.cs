using BenchmarkDotNet.Running;
using MlValue.Benchmarks.Monitoring;

// Benchmarks:   dotnet run -c Release --project bench/MlValue.Benchmarks -- --filter '*' [--job short]
// Memory bound: dotnet run -c Release --project bench/MlValue.Benchmarks -- --memory
if (args.Contains("--memory"))
{
    Console.WriteLine(MonitorMemory.Report(MonitorMemory.DefaultCounts, distinctIds: 200_000));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MonitorMemory).Assembly).Run(args);
