namespace MlValue.Serving;

/// <summary>
/// The base of a predictor that wraps another (as <c>DelegatingChatClient</c> does in
/// Microsoft.Extensions.AI): every member forwards to <see cref="InnerPredictor"/>; override the
/// ones a decorator changes (caching, rate limits, logging, a fallback).
/// </summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class DelegatingPredictor<TInput, TOutput> : IPredictor<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    /// <summary>Wraps <paramref name="innerPredictor"/>.</summary>
    /// <param name="innerPredictor">The predictor every call is forwarded to.</param>
    protected DelegatingPredictor(IPredictor<TInput, TOutput> innerPredictor)
    {
        ArgumentNullException.ThrowIfNull(innerPredictor);
        InnerPredictor = innerPredictor;
    }

    /// <summary>Gets the wrapped predictor.</summary>
    protected IPredictor<TInput, TOutput> InnerPredictor { get; }

    /// <inheritdoc />
    public virtual string ModelName => InnerPredictor.ModelName;

    /// <inheritdoc />
    public virtual Prediction<TOutput> Predict(TInput input, PredictionRequest request) => InnerPredictor.Predict(input, request);

    /// <inheritdoc />
    public virtual Task RefreshAsync(CancellationToken cancellationToken = default) => InnerPredictor.RefreshAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task WarmUpAsync(CancellationToken cancellationToken = default) => InnerPredictor.WarmUpAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ServingStatus GetStatus() => InnerPredictor.GetStatus();
}
