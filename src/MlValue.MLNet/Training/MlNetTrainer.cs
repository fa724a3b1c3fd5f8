using Microsoft.ML;
using Microsoft.ML.Data;
using MlValue.Diagnostics;

namespace MlValue.Training;

/// <summary>Trains an ML.NET pipeline: validate, featurise, fit, evaluate on the training data, save as <c>mlnet-zip</c>.</summary>
internal sealed class MlNetTrainer<TRecord> : ITrainer<TRecord>
    where TRecord : class, new()
{
    private readonly MlNetRecipe _recipe;
    private readonly TimeProvider _timeProvider;
    private readonly TrainingTelemetry _telemetry;

    public MlNetTrainer(MlNetRecipe recipe, TimeProvider timeProvider, TrainingTelemetry telemetry)
    {
        _recipe = recipe;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
    }

    public string Name => _recipe.Needs.TrainerName;

    public Task<TrainedModel> TrainAsync(TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return TrainingRun.RunAsync(Name, _recipe.Needs.Task, data.Seed, _timeProvider, _telemetry, ml => Train(ml, data, progress, cancellationToken), cancellationToken);
    }

    private TrainedModel Train(MLContext ml, TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var needs = _recipe.Needs;
        TrainingRun.Report(progress, TrainingStage.Validating, 0, "validating rows", cancellationToken);
        var input = data.ToDataView(ml);
        var stats = TrainingDataValidator.Scan(input, needs, progress, cancellationToken);
        if (data.RawRepresentation is null)
        {
            TrainingDataValidator.CheckNullText(data.Records, needs, cancellationToken);
        }

        var view = input;
        if (needs.Task == PredictionTask.MulticlassClassification)
        {
            view = ml.Transforms.Conversion.MapValueToKey(MlNetTrainers.LabelKeyColumn, needs.LabelColumn, keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
                .Fit(input).Transform(input);
        }

        TrainingRun.Report(progress, TrainingStage.Featurising, stats.RowCount, "fitting the featurisation", cancellationToken);
        var featurizer = _recipe.Featurizer?.Invoke(ml).Fit(view);
        var features = featurizer?.Transform(view) ?? view;
        if (_recipe.CacheFeatures)
        {
            features = ml.Data.Cache(features);
        }

        TrainingRun.Report(progress, TrainingStage.Fitting, stats.RowCount, "fitting the learner", cancellationToken);
        var learned = _recipe.Learner(ml).Fit(features);
        ITransformer model = featurizer is null ? learned : new TransformerChain<ITransformer>(featurizer, learned);

        TrainingRun.Report(progress, TrainingStage.Evaluating, stats.RowCount, "computing training metrics", cancellationToken);
        // The learner scores the (cached) features of a bounded, seeded sample: the same predictions as the whole
        // model on the raw rows, without featurising again or scoring every row.
        var sample = TrainingMetricsSample.Of(ml, features, stats.RowCount, _recipe.MetricsSampleSize, data.Seed);
        var metrics = MlNetMetrics.Compute(ml, needs.Task, learned.Transform(sample), needs.Task == PredictionTask.MulticlassClassification ? MlNetTrainers.LabelKeyColumn : needs.LabelColumn);
        var scored = model.Transform(view);
        if (scored.Schema.GetColumnOrNull("PredictedLabel") is { Type: KeyDataViewType })
        {
            var keyToValue = ml.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(scored);
            model = new TransformerChain<ITransformer>(model, keyToValue);
        }

        TrainingRun.Report(progress, TrainingStage.Serialising, stats.RowCount, "saving the model", cancellationToken);
        using var stream = new MemoryStream();
        ml.Model.Save(model, input.Schema, stream);
        TrainingRun.Report(progress, TrainingStage.Completed, stats.RowCount, "done", cancellationToken);
        return new TrainedModel
        {
            Artifact = new ModelArtifact(MlNetModelFormat.Id, stream.GetBuffer().AsSpan(0, (int)stream.Length)),
            Task = needs.Task,
            InputSchema = InputSchema(input.Schema, needs),
            TrainerName = Name,
            Hyperparameters = _recipe.Hyperparameters,
            Seed = data.Seed,
            DatasetIds = data.DatasetIds,
            RowCount = stats.RowCount,
            Duration = TimeSpan.Zero,
            Metrics = metrics,
        };
    }

    private static List<ModelColumn> InputSchema(DataViewSchema schema, DataRequirements needs)
    {
        var used = needs.FeatureColumns.Prepend(needs.LabelColumn).ToHashSet(StringComparer.Ordinal);
        var all = used.Count == 1;
        return [.. schema.Where(c => !c.IsHidden && (all || used.Contains(c.Name))).Select(c => new ModelColumn(c.Name, c.Type.ToString() ?? c.Type.RawType.Name))];
    }
}
