using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace MlValue.Training;

/// <summary>
/// An ML.NET model behind a pool of prediction engines: one pool Get and Return per call, nothing
/// else allocated beyond what <c>PredictionEngine.Predict</c> allocates.
/// </summary>
internal sealed class PooledPredictionModel<TInput, TOutput> : IPredictionModel<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private readonly ObjectPool<PredictionEngine<TInput, TOutput>> _pool;

    public PooledPredictionModel(MLContext ml, ITransformer transformer)
    {
        var policy = new EnginePolicy(ml, transformer);
        var first = policy.Create();
        _pool = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(policy);
        _pool.Return(first);
    }

    public TOutput Predict(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
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

    public void Dispose() => (_pool as IDisposable)?.Dispose();

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : PooledObjectPolicy<PredictionEngine<TInput, TOutput>>
    {
        public override PredictionEngine<TInput, TOutput> Create()
            => ml.Model.CreatePredictionEngine<TInput, TOutput>(transformer, ignoreMissingColumns: true);

        public override bool Return(PredictionEngine<TInput, TOutput> obj) => true;
    }
}
