using MlValue.Internal;

namespace MlValue.Training;

/// <summary>Helpers for multiclass prediction models.</summary>
public static class MulticlassModelExtensions
{
    /// <summary>
    /// Names a multiclass model's classes, in the order of its <see cref="MulticlassPrediction.Score"/>,
    /// so that an evaluator aligns its scores with the holdout's classes by name. The returned model
    /// predicts through <paramref name="model"/> and disposes it.
    /// </summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="classNames">The model's classes, in score order.</param>
    /// <returns>The model, implementing <see cref="IModelClassNames"/>.</returns>
    public static IPredictionModel<TInput, MulticlassPrediction> WithClassNames<TInput>(this IPredictionModel<TInput, MulticlassPrediction> model, IReadOnlyList<string> classNames)
        where TInput : class
        => new ClassNamedModel<TInput>(Guard.NotNull(model), [.. Guard.NotNull(classNames)]);

    private sealed class ClassNamedModel<TInput>(IPredictionModel<TInput, MulticlassPrediction> inner, string[] classNames)
        : IPredictionModel<TInput, MulticlassPrediction>, IModelClassNames
        where TInput : class
    {
        public IReadOnlyList<string> ClassNames => classNames;

        public MulticlassPrediction Predict(TInput input) => inner.Predict(input);

        public void Dispose() => inner.Dispose();
    }
}
