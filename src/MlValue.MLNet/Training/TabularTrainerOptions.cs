namespace MlValue.Training;

/// <summary>
/// Options of the ML.NET tabular preset: numeric columns as they are, categorical columns one-hot
/// encoded, concatenated, then boosted trees (FastTree or LightGBM). Bound from <c>MlValue:Training:Tabular</c>.
/// </summary>
public class TabularTrainerOptions
{
    /// <summary>The label column. Default: <c>Label</c>.</summary>
    public string LabelColumn { get; set; } = "Label";

    /// <summary>Numeric feature columns (<see langword="float"/> or <see langword="float"/>[]). Default: none.</summary>
    public IList<string> NumericColumns { get; } = [];

    /// <summary>Categorical feature columns (<see langword="string"/>), one-hot encoded. Default: none.</summary>
    public IList<string> CategoricalColumns { get; } = [];

    /// <summary>The tree learner. Default: <see cref="TabularAlgorithm.FastTree"/>.</summary>
    public TabularAlgorithm Algorithm { get; set; } = TabularAlgorithm.FastTree;

    /// <summary>The number of trees (boosting iterations). Default: 100. Range 1–10 000.</summary>
    public int NumberOfTrees { get; set; } = 100;

    /// <summary>The most leaves per tree. Default: 20. Range 2–1 000.</summary>
    public int NumberOfLeaves { get; set; } = 20;

    /// <summary>The fewest training rows in a leaf. Default: 5. Range 1–10 000.</summary>
    public int MinimumExampleCountPerLeaf { get; set; } = 5;

    /// <summary>The learning rate (shrinkage). Default: 0.2. Range (0, 1].</summary>
    public double LearningRate { get; set; } = 0.2;

    /// <summary>The threads the learner uses. Default: 1, which makes training deterministic under a seed.</summary>
    public int NumberOfThreads { get; set; } = 1;

    /// <summary>
    /// The most rows the training metrics are computed on. Default: 2 000 rows. When the training set has more,
    /// a seeded random sample of about this many rows is scored (same seed, same sample, same metrics); the full
    /// holdout evaluation is the evaluation stage's job. <see langword="null"/> scores every row. Range 1–100 000 000.
    /// </summary>
    public int? TrainingMetricsSampleSize { get; set; } = 2_000;
}
