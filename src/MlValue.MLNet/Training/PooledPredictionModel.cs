using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace MlValue.Training;

/// <summary>
/// An ML.NET model behind prediction engines: each of the first <see cref="MaximumPinned"/> threads that
/// predicts gets its own engine, kept in a <see cref="ThreadLocal{T}"/> (no shared write per call, the engine
/// stays in that core's cache); further threads share a pool of engines (one Get and Return per call).
/// Every engine, pinned or pooled, is disposed with the model. <see cref="Dispose"/> must not race with
/// <see cref="Predict"/> (serving guarantees it: a version is disposed only after its last request).
/// </summary>
internal sealed class PooledPredictionModel<TInput, TOutput> : IPredictionModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private readonly ObjectPool<PredictionEngine<TInput, TOutput>> _pool;
    private readonly ThreadLocal<PredictionEngine<TInput, TOutput>?> _pinned = new(trackAllValues: true);
    private int _pinnedCount;
    private int _pinnedDisposed;
    private int _disposed;

    public PooledPredictionModel(MLContext ml, ITransformer transformer)
        : this(ml, transformer, Environment.ProcessorCount * 2)
    {
    }

    public PooledPredictionModel(MLContext ml, ITransformer transformer, int maximumPinned)
    {
        var policy = new EnginePolicy(ml, transformer);
        MaximumPinned = maximumPinned;
        var first = policy.Create();
        _pool = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(policy);
        _pool.Return(first);
    }

    /// <summary>Threads that get an engine of their own (default: twice the processor count).</summary>
    public int MaximumPinned { get; }

    /// <summary>Engines pinned to threads so far (for tests).</summary>
    internal int PinnedCount => Math.Min(Volatile.Read(ref _pinnedCount), MaximumPinned);

    /// <summary>Pinned engines disposed by <see cref="Dispose"/> (for tests; pooled ones are disposed by the pool).</summary>
    internal int PinnedDisposed => Volatile.Read(ref _pinnedDisposed);

    public TOutput Predict(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var engine = _pinned.Value;
        return engine is not null ? engine.Predict(input) : PredictUnpinned(input);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var engine in _pinned.Values)
        {
            if (engine is not null)
            {
                engine.Dispose();
                _pinnedDisposed++;
            }
        }

        _pinned.Dispose();
        (_pool as IDisposable)?.Dispose();
    }

    private TOutput PredictUnpinned(TInput input)
    {
        if (Volatile.Read(ref _pinnedCount) < MaximumPinned && Interlocked.Increment(ref _pinnedCount) <= MaximumPinned)
        {
            var pinned = _pool.Get();
            _pinned.Value = pinned;
            return pinned.Predict(input);
        }

        var engine = _pool.Get();
        try
        {
            return engine.Predict(input);
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : PooledObjectPolicy<PredictionEngine<TInput, TOutput>>
    {
        public override PredictionEngine<TInput, TOutput> Create()
            => ml.Model.CreatePredictionEngine<TInput, TOutput>(transformer, ignoreMissingColumns: true);

        public override bool Return(PredictionEngine<TInput, TOutput> obj) => true;
    }
}
