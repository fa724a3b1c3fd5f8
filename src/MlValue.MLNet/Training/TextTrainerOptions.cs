namespace MlValue.Training;

/// <summary>
/// Options of the ML.NET text preset: each text column is featurised (word n-grams, optional
/// character n-grams), the features are concatenated, and an SDCA learner fits them (logistic
/// regression, maximum entropy or regression, by task). Bound from <c>MlValue:Training:Text</c>.
/// </summary>
public class TextTrainerOptions
{
    /// <summary>The label column. Default: <c>Label</c>.</summary>
    public string LabelColumn { get; set; } = "Label";

    /// <summary>The text columns to featurise (at least one). Default: none.</summary>
    public IList<string> TextColumns { get; } = [];

    /// <summary>The longest word n-gram (all shorter ones are included). Default: 2 (words and word pairs). Range 1–4.</summary>
    public int WordNgramLength { get; set; } = 2;

    /// <summary>
    /// Whether character n-grams are added. Default: <see langword="false"/>: they help on short,
    /// misspelt text but make featurisation several times slower on long bodies.
    /// </summary>
    public bool UseCharNgrams { get; set; }

    /// <summary>The character n-gram length when <see cref="UseCharNgrams"/> is on. Default: 3. Range 1–6.</summary>
    public int CharNgramLength { get; set; } = 3;

    /// <summary>The most passes SDCA makes over the data; <see langword="null"/> lets ML.NET choose. Default: <see langword="null"/>.</summary>
    public int? MaximumNumberOfIterations { get; set; }

    /// <summary>The threads the learner uses. Default: 1, which makes training deterministic under a seed.</summary>
    public int NumberOfThreads { get; set; } = 1;

    /// <summary>Whether featurised rows are cached in memory for the learner's passes. Default: <see langword="true"/> (faster; memory grows with the rows).</summary>
    public bool CacheFeatures { get; set; } = true;

    /// <summary>
    /// The most rows the training metrics are computed on. Default: 2 000 rows. When the training set has more,
    /// a seeded random sample of about this many rows is scored (same seed, same sample, same metrics); the full
    /// holdout evaluation is the evaluation stage's job. <see langword="null"/> scores every row. Range 1–100 000 000.
    /// </summary>
    public int? TrainingMetricsSampleSize { get; set; } = 2_000;
}
