using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>
/// The seam of the evaluation stage: measures any <see cref="IPredictionModel{TInput, TOutput}"/>
/// (ML.NET, the no-ML baseline, a rules model) on a labelled holdout from its predictions alone,
/// so that models of any kind are compared on equal terms. Deciding on the results is
/// <see cref="IPromotionJudge"/>'s job.
/// </summary>
public interface IEvaluator
{
    /// <summary>Evaluates a binary classifier.</summary>
    /// <typeparam name="TInput">The record type.</typeparam>
    /// <param name="modelName">The name shown in reports and decisions, for example <c>spam-filter v3</c>.</param>
    /// <param name="model">The model.</param>
    /// <param name="holdout">The labelled holdout (label: true for the positive class).</param>
    /// <param name="cancellationToken">Stops the evaluation between rows.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="EvaluationException">The holdout is empty, or a prediction is not a number.</exception>
    Task<EvaluationResult> EvaluateBinaryAsync<TInput>(string modelName, IPredictionModel<TInput, BinaryPrediction> model, Holdout<TInput, bool> holdout, CancellationToken cancellationToken = default)
        where TInput : class;

    /// <summary>
    /// Evaluates a multiclass classifier against the holdout's classes. A model that names its classes
    /// (<see cref="IModelClassNames"/>) is aligned by name: a holdout class it does not know gets
    /// probability 0 and recall 0. Any other model must score the holdout's classes in their order.
    /// </summary>
    /// <typeparam name="TInput">The record type.</typeparam>
    /// <param name="modelName">The name shown in reports and decisions.</param>
    /// <param name="model">The model.</param>
    /// <param name="holdout">The labelled holdout with <see cref="Holdout{TInput, TLabel}.ClassNames"/>.</param>
    /// <param name="cancellationToken">Stops the evaluation between rows.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="EvaluationException">The holdout is empty, a label is not a known class, or a probability is not a number.</exception>
    Task<EvaluationResult> EvaluateMulticlassAsync<TInput>(string modelName, IPredictionModel<TInput, MulticlassPrediction> model, Holdout<TInput, string> holdout, CancellationToken cancellationToken = default)
        where TInput : class;

    /// <summary>Evaluates a regression model.</summary>
    /// <typeparam name="TInput">The record type.</typeparam>
    /// <param name="modelName">The name shown in reports and decisions.</param>
    /// <param name="model">The model.</param>
    /// <param name="holdout">The labelled holdout.</param>
    /// <param name="cancellationToken">Stops the evaluation between rows.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="EvaluationException">The holdout is empty, or a prediction or label is not a finite number.</exception>
    Task<EvaluationResult> EvaluateRegressionAsync<TInput>(string modelName, IPredictionModel<TInput, RegressionPrediction> model, Holdout<TInput, float> holdout, CancellationToken cancellationToken = default)
        where TInput : class;
}
