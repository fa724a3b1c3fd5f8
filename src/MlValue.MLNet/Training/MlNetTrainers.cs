using System.Diagnostics.Metrics;
using Microsoft.ML;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Training;

/// <summary>
/// The ML.NET trainers: a text preset and a tabular preset per task, and an escape hatch that
/// trains any ML.NET pipeline. All produce <c>mlnet-zip</c> artifacts that <see cref="MlNetModelFormat"/> loads.
/// </summary>
public static class MlNetTrainers
{
    /// <summary>The column the features are concatenated into: <c>Features</c>.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>For multiclass, the key column MlValue maps the label into before the pipeline: <c>LabelKey</c>.</summary>
    public const string LabelKeyColumn = "LabelKey";

    /// <summary>
    /// The text preset: FeaturizeText on each text column (word n-grams, optional char n-grams),
    /// concatenated, then SDCA logistic regression (binary), SDCA maximum entropy (multiclass) or SDCA regression.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="task">The prediction task.</param>
    /// <param name="options">The preset's options; checked now.</param>
    /// <param name="timeProvider">Measures the duration; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the training duration is recorded on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="TrainingException">An option is invalid; the message names it.</exception>
    public static ITrainer<TRecord> Text<TRecord>(PredictionTask task, TextTrainerOptions options, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where TRecord : class, new()
        => new MlNetTrainer<TRecord>(TextPreset.Create(task, Guard.NotNull(options)), timeProvider ?? TimeProvider.System, new TrainingTelemetry(meterFactory));

    /// <summary>
    /// The tabular preset: numeric columns plus one-hot encoded categorical columns, concatenated,
    /// then FastTree or LightGBM.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="task">The prediction task.</param>
    /// <param name="options">The preset's options; checked now.</param>
    /// <param name="timeProvider">Measures the duration; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the training duration is recorded on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The trainer.</returns>
    /// <exception cref="TrainingException">An option is invalid; the message names it.</exception>
    public static ITrainer<TRecord> Tabular<TRecord>(PredictionTask task, TabularTrainerOptions options, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where TRecord : class, new()
        => new MlNetTrainer<TRecord>(TabularPreset.Create(task, Guard.NotNull(options)), timeProvider ?? TimeProvider.System, new TrainingTelemetry(meterFactory));

    /// <summary>
    /// The escape hatch: trains any ML.NET pipeline, built on the seeded <see cref="MLContext"/> of the training.
    /// The pipeline must read the label (for multiclass: <see cref="LabelKeyColumn"/>) and produce the
    /// prediction columns of the task (<c>PredictedLabel</c>, <c>Score</c>, and <c>Probability</c> for binary).
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="task">The prediction task.</param>
    /// <param name="options">The label column, trainer name and hyperparameters to record.</param>
    /// <param name="pipeline">Builds the pipeline on the training's context.</param>
    /// <param name="timeProvider">Measures the duration; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the training duration is recorded on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The trainer.</returns>
    public static ITrainer<TRecord> Custom<TRecord>(PredictionTask task, CustomPipelineOptions options, Func<MLContext, IEstimator<ITransformer>> pipeline, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where TRecord : class, new()
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        OptionsCheck.ThrowIfAny(OptionsCheck.Custom(options, nameof(CustomPipelineOptions)));
        var name = Guard.NotNullOrWhiteSpace(options.TrainerName);
        var needs = DataRequirements.LabelOnly(name, task, options.LabelColumn);
        var hyperparameters = new SortedDictionary<string, string>(options.Hyperparameters, StringComparer.Ordinal);
        var recipe = new MlNetRecipe(needs, hyperparameters, Featurizer: null, pipeline, CacheFeatures: false, options.TrainingMetricsSampleSize);
        return new MlNetTrainer<TRecord>(recipe, timeProvider ?? TimeProvider.System, new TrainingTelemetry(meterFactory));
    }
}
