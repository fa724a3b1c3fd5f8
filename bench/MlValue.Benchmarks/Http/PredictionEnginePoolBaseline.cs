using System.Collections.Concurrent;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace MlValue.Benchmarks.Http;

/// <summary>
/// The baseline of the HTTP benchmark: what Microsoft.Extensions.ML's <c>PredictionEnginePool</c> does on the request
/// path, built from the same parts because that package is not available here. Named models, each a
/// <see cref="DefaultObjectPool{T}"/> of <see cref="PredictionEngine{TSrc, TDst}"/>s (default size, twice the processor
/// count) whose policy creates engines from the loaded <see cref="ITransformer"/> with
/// <c>MLContext.Model.CreatePredictionEngine</c> and takes every engine back; a prediction looks the pool up by name,
/// rents an engine, predicts and returns it in a <c>finally</c>, looking the pool up again.
/// </summary>
/// <typeparam name="TData">The input type.</typeparam>
/// <typeparam name="TPrediction">The prediction type.</typeparam>
public sealed class PredictionEnginePoolBaseline<TData, TPrediction>
    where TData : class
    where TPrediction : class, new()
{
    private readonly ConcurrentDictionary<string, NamedPool> _pools = new(StringComparer.Ordinal);

    /// <summary>Adds a named model, as <c>FromFile(modelName, path)</c> registers one.</summary>
    /// <param name="context">The context the model was loaded with.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="model">The loaded model.</param>
    /// <returns>This pool.</returns>
    public PredictionEnginePoolBaseline<TData, TPrediction> Add(MLContext context, string modelName, ITransformer model)
    {
        if (!_pools.TryAdd(modelName, new NamedPool(context, model)))
        {
            throw new InvalidOperationException($"Model '{modelName}' is already in the pool.");
        }

        return this;
    }

    /// <summary>Rents an engine of a named model.</summary>
    /// <param name="modelName">The model name.</param>
    /// <returns>An engine, to give back with <see cref="ReturnPredictionEngine"/>.</returns>
    public PredictionEngine<TData, TPrediction> GetPredictionEngine(string modelName)
        => _pools.TryGetValue(modelName, out var pool)
            ? pool.Engines.Get()
            : throw new ArgumentException($"No model named '{modelName}' is in the pool.", nameof(modelName));

    /// <summary>Gives a rented engine back.</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="engine">The engine.</param>
    public void ReturnPredictionEngine(string modelName, PredictionEngine<TData, TPrediction> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _pools[modelName].Engines.Return(engine);
    }

    /// <summary>One prediction with a rented engine (the package's <c>Predict(modelName, example)</c> extension).</summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="example">The input.</param>
    /// <returns>A new prediction object.</returns>
    public TPrediction Predict(string modelName, TData example)
    {
        var engine = GetPredictionEngine(modelName);
        try
        {
            return engine.Predict(example);
        }
        finally
        {
            ReturnPredictionEngine(modelName, engine);
        }
    }

    private sealed class NamedPool(MLContext context, ITransformer model)
    {
        public ObjectPool<PredictionEngine<TData, TPrediction>> Engines { get; } = new DefaultObjectPool<PredictionEngine<TData, TPrediction>>(new EnginePolicy(context, model));
    }

    private sealed class EnginePolicy(MLContext context, ITransformer model) : PooledObjectPolicy<PredictionEngine<TData, TPrediction>>
    {
        public override PredictionEngine<TData, TPrediction> Create() => context.Model.CreatePredictionEngine<TData, TPrediction>(model);

        public override bool Return(PredictionEngine<TData, TPrediction> obj) => true;
    }
}
