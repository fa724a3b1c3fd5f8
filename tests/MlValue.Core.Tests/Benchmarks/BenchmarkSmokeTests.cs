using System.Reflection;
using MlValue.Cleaning;
using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.DataPath;
using MlValue.Benchmarks.Monitoring;
using MlValue.Benchmarks.Support;

namespace MlValue.Tests.Benchmarks;

[TestClass]
[DoNotParallelize]
public sealed class BenchmarkSmokeTests
{
    private static readonly Type[] BenchmarkClasses = [.. typeof(MonitorMemory).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    [ClassInitialize]
    public static void Initialize(TestContext context) => BenchmarkSettings.Smoke = true;

    [ClassCleanup]
    public static void Cleanup() => BenchmarkSettings.Smoke = false;

    [TestMethod]
    public void Classes_All_AreFoundAndEachHasExactlyOneBaseline()
    {
        CollectionAssert.AreEqual(
            new[] { "DataPathBenchmarks", "MonitorRecordBenchmarks", "ServingBenchmarks", "StoreAliasReadBenchmarks", "StoreMonitorReplicaWindowBenchmarks", "StorePredictorRefreshBenchmarks", "StoreRegisterBenchmarks", "TrainingBenchmarks", "WindowBenchmarks" },
            BenchmarkClasses.Select(t => t.Name).ToArray());
        foreach (var type in BenchmarkClasses)
        {
            var baselines = type.GetMethods().Count(m => m.GetCustomAttribute<BenchmarkAttribute>() is { Baseline: true });
            Assert.AreEqual(1, baselines, $"{type.Name} must have exactly one [Benchmark(Baseline = true)]");
            Assert.IsNotNull(type.GetCustomAttribute<MemoryDiagnoserAttribute>(), $"{type.Name} must have [MemoryDiagnoser]");
        }
    }

    [TestMethod]
    [DataRow("DataPathBenchmarks")]
    [DataRow("MonitorRecordBenchmarks")]
    [DataRow("ServingBenchmarks")]
    // The store benchmarks compare PostgreSQL with SQLite (and a monitor window merged from replicas on PostgreSQL with
    // a local one): they need the server in MLVALUE_POSTGRES (CI exports it from eng/postgres.sh) and fail without it,
    // naming the script, rather than skip.
    [DataRow("StoreAliasReadBenchmarks")]
    [DataRow("StoreMonitorReplicaWindowBenchmarks")]
    [DataRow("StorePredictorRefreshBenchmarks")]
    [DataRow("StoreRegisterBenchmarks")]
    [DataRow("TrainingBenchmarks")]
    [DataRow("WindowBenchmarks")]
    public async Task Benchmark_EachMethod_ExecutesOnceWithSmallData(string className)
    {
        var type = BenchmarkClasses.Single(t => t.Name == className);
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            var smallest = property.GetCustomAttribute<ParamsAttribute>()!.Values.Min();
            property.SetValue(instance, smallest);
        }

        await Invoke<GlobalSetupAttribute>(type, instance);
        try
        {
            var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
            Assert.IsGreaterThanOrEqualTo(2, methods.Count, $"{className} needs a baseline and at least one measured method");
            foreach (var method in methods)
            {
                var result = await Await(method.Invoke(instance, null));
                Assert.IsNotNull(result, $"{className}.{method.Name} returned nothing");
            }
        }
        finally
        {
            await Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    [TestMethod]
    public void DataPath_TinyFile_QuarantinesOneRowPerRuleAndLosesNone()
    {
        var bench = new DataPathBenchmarks();
        bench.Setup();
        try
        {
            var result = DataPathBenchmarks.Rules().Clean(FlightParquet.Read(bench.Path));
            Assert.AreEqual(200, result.Clean.Count);
            Assert.AreEqual(5, result.Quarantine.Count);
            Assert.AreEqual(205L, bench.ReadOnly());
            CollectionAssert.AreEquivalent(
                new[] { "not-null(Date)", "range(Delay)", "range(Distance)", "regex(Origin)", "distinct-airports" },
                result.Quarantine.Select(e => e.Rule).ToArray());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [TestMethod]
    public void MonitorMemory_SmallCounts_StaysWithinTheBucketRing()
    {
        var inputs = TenFeatures.Generate(500, seed: 3);
        var ids = CorrelationIds.Create(3_000, "t-");
        var small = MonitorMemory.Measure(2_000, inputs, ids);
        var large = MonitorMemory.Measure(20_000, inputs, ids);
        Assert.AreEqual(168, large.Buckets);
        Assert.IsGreaterThan(0L, small.Bytes);
        Assert.IsGreaterThan(0L, large.Bytes);
    }

    private static async Task Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            await Await(method.Invoke(instance, null));
        }
    }

    private static async Task<object?> Await(object? result)
    {
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : task;
    }
}
