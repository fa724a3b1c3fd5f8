using Microsoft.ML;

namespace MlValue.Training;

/// <summary>How an ML.NET trainer builds its pipeline: a featuriser (optional) and a learner.</summary>
internal sealed record MlNetRecipe(
    DataRequirements Needs,
    IReadOnlyDictionary<string, string> Hyperparameters,
    Func<MLContext, IEstimator<ITransformer>>? Featurizer,
    Func<MLContext, IEstimator<ITransformer>> Learner,
    bool CacheFeatures,
    int? MetricsSampleSize);
