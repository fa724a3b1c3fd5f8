using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Evaluation;

/// <content>The task, the output type and the evaluation that follow from the label type.</content>
public sealed partial class PromotionStep
{
    private static PredictionTask TaskOf<TLabel>()
        => typeof(TLabel) == typeof(bool) ? PredictionTask.BinaryClassification
            : typeof(TLabel) == typeof(string) ? PredictionTask.MulticlassClassification
            : typeof(TLabel) == typeof(float) ? PredictionTask.Regression
            : throw LabelTypeError<TLabel>();

    private static void Check(TrainedModel model, PredictionTask task, string role)
    {
        if (model.Task != task)
        {
            throw new EvaluationException($"The {role} '{model.TrainerName}' is a {model.Task} model, but the holdout's labels make this a {task} promotion. Train the {role} for {task}, or give a holdout whose labels match its task.");
        }
    }

    private async Task<EvaluationResult> EvaluateAsync<TInput, TLabel>(string name, ModelArtifact artifact, Holdout<TInput, TLabel> holdout, CancellationToken cancellationToken)
        where TInput : class
    {
        switch (holdout)
        {
            case Holdout<TInput, bool> binary:
                using (var model = _formats.Load<TInput, BinaryPrediction>(artifact))
                {
                    return await _evaluator.EvaluateBinaryAsync(name, model, binary, cancellationToken).ConfigureAwait(false);
                }

            case Holdout<TInput, string> multiclass:
                using (var model = _formats.Load<TInput, MulticlassPrediction>(artifact))
                {
                    return await _evaluator.EvaluateMulticlassAsync(name, model, multiclass, cancellationToken).ConfigureAwait(false);
                }

            case Holdout<TInput, float> regression:
                using (var model = _formats.Load<TInput, RegressionPrediction>(artifact))
                {
                    return await _evaluator.EvaluateRegressionAsync(name, model, regression, cancellationToken).ConfigureAwait(false);
                }

            default:
                throw LabelTypeError<TLabel>();
        }
    }

    private Task RefreshAsync<TInput, TLabel>(string modelName, CancellationToken cancellationToken)
        where TInput : class
        => TaskOf<TLabel>() switch
        {
            PredictionTask.BinaryClassification => RefreshPredictorAsync<TInput, BinaryPrediction>(modelName, cancellationToken),
            PredictionTask.MulticlassClassification => RefreshPredictorAsync<TInput, MulticlassPrediction>(modelName, cancellationToken),
            _ => RefreshPredictorAsync<TInput, RegressionPrediction>(modelName, cancellationToken),
        };

    private Task RefreshPredictorAsync<TInput, TOutput>(string modelName, CancellationToken cancellationToken)
        where TInput : class
        where TOutput : class, new()
        => _services?.GetKeyedService<IPredictor<TInput, TOutput>>(modelName)?.RefreshAsync(cancellationToken) ?? Task.CompletedTask;

    private static EvaluationException LabelTypeError<TLabel>()
        => new($"A promotion's holdout labels are {typeof(TLabel).Name}; use bool (binary), string (multiclass) or float (regression).");
}
