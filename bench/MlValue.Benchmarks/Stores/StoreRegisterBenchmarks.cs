using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.Support;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Benchmarks.Stores;

/// <summary>
/// <see cref="IModelRegistry.RegisterAsync"/> of a FastTree model (its metrics and lineage) on PostgreSQL against
/// SQLite (baseline) in the same run. Each registration carries artifact bytes of its own (the trained model plus an
/// 8-byte counter), so every call writes a new blob as a retraining would, instead of finding a deduplicated one.
/// </summary>
[MemoryDiagnoser]
public class StoreRegisterBenchmarks
{
    private StoreHost _sqlite = null!;
    private StoreHost _postgres = null!;
    private TrainedModel _trained = null!;
    private long _counter;

    /// <summary>Opens both stores and trains the model once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // PostgreSQL first: without MLVALUE_POSTGRES the set-up fails before it has opened anything.
        _postgres = StoreHost.Create(StoreKind.PostgreSql);
        _sqlite = StoreHost.Create(StoreKind.Sqlite);
        _trained = StoreHost.Train(BenchmarkSettings.Scale(5_000, 300), BenchmarkSettings.Scale(100, 3));
    }

    /// <summary>Closes both stores (the PostgreSQL schema is dropped).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
    }

    /// <summary>Registration in the embedded store: SQLite metadata, artifact file fsynced in the blob folder.</summary>
    /// <returns>The version.</returns>
    [Benchmark(Baseline = true)]
    public Task<ModelVersion> SqliteRegister() => _sqlite.Registry.RegisterAsync(StoreHost.Registration(_trained, NextArtifact()));

    /// <summary>Registration on PostgreSQL: one transaction with the blob's chunks, the counter row and the version.</summary>
    /// <returns>The version.</returns>
    [Benchmark]
    public Task<ModelVersion> PostgreSqlRegister() => _postgres.Registry.RegisterAsync(StoreHost.Registration(_trained, NextArtifact()));

    private ModelArtifact NextArtifact()
    {
        var content = _trained.Artifact.Content.Span;
        var bytes = new byte[content.Length + sizeof(long)];
        content.CopyTo(bytes);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(content.Length), Interlocked.Increment(ref _counter));
        return new ModelArtifact(_trained.Artifact.FormatId, bytes);
    }
}
