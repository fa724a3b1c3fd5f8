using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using MlValue.Diagnostics;
using MlValue.Evaluation.Internal;
using MlValue.Internal;
using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>
/// The default <see cref="IEvaluator"/>: computes every metric itself from the model's
/// predictions, so an ML.NET model and the no-ML baseline are measured the same way.
/// </summary>
public sealed partial class ModelEvaluator : IEvaluator
{
    private readonly EvaluationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly EvaluationTelemetry _telemetry;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="options">The evaluation options.</param>
    /// <param name="timeProvider">The clock that stamps evaluations and decisions.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the scored rows are counted on; null for MlValue's shared meter.</param>
    public ModelEvaluator(IOptions<EvaluationOptions> options, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        _options = Guard.NotNull(options).Value;
        _timeProvider = Guard.NotNull(timeProvider);
        _telemetry = MlValueMeter.For(meterFactory).Evaluation;
    }

    /// <inheritdoc />
    public Task<EvaluationResult> EvaluateBinaryAsync<TInput>(string modelName, IPredictionModel<TInput, BinaryPrediction> model, Holdout<TInput, bool> holdout, CancellationToken cancellationToken = default)
        where TInput : class
    {
        Guard.NotNullOrWhiteSpace(modelName);
        Guard.NotNull(model);
        Guard.NotNull(holdout);
        var classes = holdout.ClassNames ?? ["negative", "positive"];
        if (classes.Count != 2 || classes.Any(string.IsNullOrWhiteSpace) || string.Equals(classes[0], classes[1], StringComparison.Ordinal))
        {
            throw new EvaluationException($"A binary holdout's ClassNames must be two different names, negative first (for example 'ham', 'spam'); it is [{string.Join(", ", classes)}].");
        }

        using var activity = EvaluationTelemetry.StartEvaluate(modelName, PredictionTask.BinaryClassification, holdout.DatasetId);
        var table = new BinaryTable(modelName, classes);
        var pass = Predict(modelName, model, holdout, table, cancellationToken);
        var matrix = ClassBreakdown.Confusion(classes, table.Labels.Select(l => l ? 1 : 0).ToArray(), table.Predicted.Select(p => p ? 1 : 0).ToArray());
        var bins = Calibration.Bins(table, _options.CalibrationBins);
        var result = Assemble(modelName, PredictionTask.BinaryClassification, holdout, table, pass) with
        {
            Metrics = [.. table.Metrics(null), Calibration.ExpectedError(bins)],
            ConfusionMatrix = matrix,
            ClassMetrics = ClassBreakdown.PerClass(matrix),
            Calibration = bins,
            Roc = RocCurve.Compute(table, _options.RocPoints),
        };
        return Task.FromResult(Finish(activity, result));
    }

    /// <inheritdoc />
    /// <remarks>A model that implements <see cref="Training.IModelClassNames"/> (see
    /// <see cref="Training.MulticlassModelExtensions.WithClassNames{TInput}"/>) has its scores aligned with the
    /// holdout's classes by name; any other model must score the holdout's classes in their order.</remarks>
    public Task<EvaluationResult> EvaluateMulticlassAsync<TInput>(string modelName, IPredictionModel<TInput, MulticlassPrediction> model, Holdout<TInput, string> holdout, CancellationToken cancellationToken = default)
        where TInput : class
    {
        Guard.NotNullOrWhiteSpace(modelName);
        Guard.NotNull(model);
        Guard.NotNull(holdout);
        if (holdout.ClassNames is not { Count: >= 2 } classes)
        {
            throw new EvaluationException($"Evaluating multiclass model '{modelName}' needs the holdout's ClassNames: the model's classes in the order of MulticlassPrediction.Score (at least two).");
        }

        using var activity = EvaluationTelemetry.StartEvaluate(modelName, PredictionTask.MulticlassClassification, holdout.DatasetId);
        var table = new MulticlassTable(modelName, classes, (model as Training.IModelClassNames)?.ClassNames);
        var pass = Predict(modelName, model, holdout, table, cancellationToken);
        var matrix = ClassBreakdown.Confusion(classes, table.Labels, table.Predicted);
        var result = Assemble(modelName, PredictionTask.MulticlassClassification, holdout, table, pass) with
        {
            ConfusionMatrix = matrix,
            ClassMetrics = ClassBreakdown.PerClass(matrix),
            ClassesUnknownToModel = table.UnknownToModel,
        };
        return Task.FromResult(Finish(activity, result));
    }

    /// <inheritdoc />
    public Task<EvaluationResult> EvaluateRegressionAsync<TInput>(string modelName, IPredictionModel<TInput, RegressionPrediction> model, Holdout<TInput, float> holdout, CancellationToken cancellationToken = default)
        where TInput : class
    {
        Guard.NotNullOrWhiteSpace(modelName);
        Guard.NotNull(model);
        Guard.NotNull(holdout);
        using var activity = EvaluationTelemetry.StartEvaluate(modelName, PredictionTask.Regression, holdout.DatasetId);
        var table = new RegressionTable(modelName);
        var pass = Predict(modelName, model, holdout, table, cancellationToken);
        return Task.FromResult(Finish(activity, Assemble(modelName, PredictionTask.Regression, holdout, table, pass)));
    }

    private EvaluationResult Finish(System.Diagnostics.Activity? activity, EvaluationResult result)
    {
        activity?.SetTag("mlvalue.evaluation.rows", result.Count);
        activity?.SetTag("mlvalue.evaluation.slices", result.Slices.Count);
        _telemetry.Rows.Add(result.Count, new KeyValuePair<string, object?>("mlvalue.evaluation.task", EvaluationTelemetry.TaskTag(result.Task)));
        return result;
    }
}
