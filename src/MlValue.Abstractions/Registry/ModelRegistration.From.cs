using System.Globalization;
using MlValue.Evaluation;
using MlValue.Training;

namespace MlValue.Registry;

/// <content>A registration made from what training and evaluation returned, so nothing is copied by hand.</content>
public sealed partial class ModelRegistration
{
    /// <summary>The system tag that records the task of the model (<see cref="PredictionTask"/>).</summary>
    public const string TaskTag = "mlvalue.task";

    /// <summary>The system tag that records the model's input columns, as <c>name:type</c> joined by commas.</summary>
    public const string InputSchemaTag = "mlvalue.input_schema";

    /// <summary>The system tag that records how many rows the model was trained on.</summary>
    public const string TrainingRowsTag = "mlvalue.training_rows";

    /// <summary>The system tag that records how long the training took, in seconds (invariant culture).</summary>
    public const string TrainingSecondsTag = "mlvalue.training_seconds";

    /// <summary>
    /// Creates the registration of a trained model with all of its lineage: artifact, trainer,
    /// hyperparameters, seed and training datasets from <paramref name="trained"/>; the evaluation's
    /// dataset and metrics from <paramref name="evaluation"/> when given (otherwise the training
    /// metrics); and the task, input schema, training row count and duration as <c>mlvalue.*</c>
    /// system tags (as MLflow keeps <c>mlflow.*</c> tags).
    /// </summary>
    /// <param name="modelName">The registered model's name.</param>
    /// <param name="trained">What the trainer returned.</param>
    /// <param name="evaluation">The evaluation of the model on a holdout, if any; its metrics become the version's metrics.</param>
    /// <param name="tags">More tags; a key that starts with <c>mlvalue.</c> is refused.</param>
    /// <param name="attachments">Attachments (for example the monitor's reference profile).</param>
    /// <param name="parentVersion">The version this one was derived from, if any.</param>
    /// <param name="codeVersion">The code version; null for the registry's default.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentException">A tag key starts with <c>mlvalue.</c>.</exception>
    public static ModelRegistration From(
        string modelName,
        TrainedModel trained,
        EvaluationResult? evaluation = null,
        IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, byte[]>? attachments = null,
        int? parentVersion = null,
        string? codeVersion = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var allTags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TaskTag] = trained.Task.ToString(),
            [InputSchemaTag] = string.Join(",", trained.InputSchema.Select(c => c.Name + ":" + c.Type)),
            [TrainingRowsTag] = trained.RowCount.ToString(CultureInfo.InvariantCulture),
            [TrainingSecondsTag] = trained.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            if (key.StartsWith("mlvalue.", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Tag '{key}': keys that start with 'mlvalue.' are the registry's system tags and are set from the trained model; choose another key.", nameof(tags));
            }

            allTags[key] = value;
        }

        return new ModelRegistration
        {
            ModelName = modelName,
            Artifact = trained.Artifact,
            TrainerName = trained.TrainerName,
            Hyperparameters = trained.Hyperparameters,
            Seed = trained.Seed,
            TrainingDatasetIds = trained.DatasetIds,
            EvaluationDatasetIds = evaluation?.DatasetId is { } id ? [id] : [],
            Metrics = evaluation?.ToMetricDictionary() ?? trained.Metrics,
            Tags = allTags,
            Attachments = attachments ?? new Dictionary<string, byte[]>(),
            ParentVersion = parentVersion,
            CodeVersion = codeVersion,
        };
    }
}
