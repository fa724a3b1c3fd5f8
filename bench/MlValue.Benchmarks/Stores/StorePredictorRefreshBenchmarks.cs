using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.Support;
using MlValue.Serving;

namespace MlValue.Benchmarks.Stores;

/// <summary>
/// A hot swap on PostgreSQL against SQLite (baseline) in the same run: <c>champion</c> moves to the other of two
/// registered versions (compare-and-swap), then <see cref="IPredictor{TInput, TOutput}.RefreshAsync"/> reads the
/// alias, loads that version's artifact from the store, loads the ML.NET model and swaps it in. Both stores serve
/// the same FastTree model; the ML.NET load is the same work on both.
/// </summary>
[MemoryDiagnoser]
public class StorePredictorRefreshBenchmarks
{
    private StoreHost _sqlite = null!;
    private StoreHost _postgres = null!;
    private int[] _sqliteVersions = null!;
    private int[] _postgresVersions = null!;
    private int _sqliteServed;
    private int _postgresServed;

    /// <summary>Registers two versions in each store and serves the first.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        // PostgreSQL first: without MLVALUE_POSTGRES the set-up fails before it has opened anything.
        _postgres = StoreHost.Create(StoreKind.PostgreSql);
        _sqlite = StoreHost.Create(StoreKind.Sqlite);
        var trained = StoreHost.Train(BenchmarkSettings.Scale(5_000, 300), BenchmarkSettings.Scale(100, 3));
        _sqliteVersions = await _sqlite.ServeAsync(trained, versions: 2);
        _postgresVersions = await _postgres.ServeAsync(trained, versions: 2);
        _sqliteServed = _sqliteVersions[0];
        _postgresServed = _postgresVersions[0];
    }

    /// <summary>Closes both stores (the PostgreSQL schema is dropped).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
    }

    /// <summary>Move and refresh on SQLite.</summary>
    /// <returns>The version served afterwards.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> SqliteMoveAndRefresh()
    {
        _sqliteServed = await SwapAsync(_sqlite, _sqliteVersions, _sqliteServed);
        return _sqliteServed;
    }

    /// <summary>Move and refresh on PostgreSQL.</summary>
    /// <returns>The version served afterwards.</returns>
    [Benchmark]
    public async Task<int> PostgreSqlMoveAndRefresh()
    {
        _postgresServed = await SwapAsync(_postgres, _postgresVersions, _postgresServed);
        return _postgresServed;
    }

    private static async Task<int> SwapAsync(StoreHost host, int[] versions, int served)
    {
        var next = served == versions[0] ? versions[1] : versions[0];
        await host.Registry.SetAliasAsync(FlightModel.Name, "champion", next, expectedCurrentVersion: served, "benchmark swap");
        await host.Predictor.RefreshAsync();
        var now = host.Predictor.GetStatus().Slots.Single().Version;
        return now == next ? next : throw new InvalidOperationException($"The predictor serves version {now} after the refresh, not {next}.");
    }
}
