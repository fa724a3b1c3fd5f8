using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.Support;
using MlValue.Registry;

namespace MlValue.Benchmarks.Stores;

/// <summary>
/// <see cref="IModelRegistry.GetByAliasAsync"/> (the question every predictor poll asks) on PostgreSQL against SQLite
/// (baseline) in the same run: one registered version with its metrics, tags and lineage, aliased <c>champion</c>.
/// </summary>
[MemoryDiagnoser]
public class StoreAliasReadBenchmarks
{
    private StoreHost _sqlite = null!;
    private StoreHost _postgres = null!;

    /// <summary>Registers and aliases one version in each store.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        // PostgreSQL first: without MLVALUE_POSTGRES the set-up fails before it has opened anything.
        _postgres = StoreHost.Create(StoreKind.PostgreSql);
        _sqlite = StoreHost.Create(StoreKind.Sqlite);
        var trained = StoreHost.Train(BenchmarkSettings.Scale(2_000, 300), BenchmarkSettings.Scale(20, 3));
        await _sqlite.ServeAsync(trained, versions: 1);
        await _postgres.ServeAsync(trained, versions: 1);
    }

    /// <summary>Closes both stores (the PostgreSQL schema is dropped).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
    }

    /// <summary>The alias read on SQLite.</summary>
    /// <returns>The version.</returns>
    [Benchmark(Baseline = true)]
    public Task<ModelVersion?> SqliteGetByAlias() => _sqlite.Registry.GetByAliasAsync(FlightModel.Name, "champion");

    /// <summary>The alias read on PostgreSQL (a pooled connection, one round trip per query).</summary>
    /// <returns>The version.</returns>
    [Benchmark]
    public Task<ModelVersion?> PostgreSqlGetByAlias() => _postgres.Registry.GetByAliasAsync(FlightModel.Name, "champion");
}
