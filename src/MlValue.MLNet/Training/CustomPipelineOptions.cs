namespace MlValue.Training;

/// <summary>Options of a training with any ML.NET pipeline (the escape hatch).</summary>
public class CustomPipelineOptions
{
    /// <summary>
    /// The label column in the input data. Default: <c>Label</c>. For multiclass, MlValue maps it to
    /// a key column named <see cref="MlNetTrainers.LabelKeyColumn"/> before the pipeline; the learner reads that.
    /// </summary>
    public string LabelColumn { get; set; } = "Label";

    /// <summary>The trainer name recorded in the model. Default: <c>mlnet-custom</c>.</summary>
    public string TrainerName { get; set; } = "mlnet-custom";

    /// <summary>Hyperparameters to record in the model (the pipeline's own settings). Default: none.</summary>
    public IDictionary<string, string> Hyperparameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The most rows the training metrics are computed on. Default: 2 000 rows. When the training set has more,
    /// a seeded random sample of about this many rows is scored (same seed, same sample, same metrics); the full
    /// holdout evaluation is the evaluation stage's job. <see langword="null"/> scores every row. Range 1–100 000 000.
    /// </summary>
    public int? TrainingMetricsSampleSize { get; set; } = 2_000;
}
