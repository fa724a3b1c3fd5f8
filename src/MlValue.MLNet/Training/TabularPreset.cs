using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MlValue.Training;

/// <summary>The tabular preset: numeric columns plus one-hot categoricals, concatenated, then boosted trees.</summary>
internal static class TabularPreset
{
    public static MlNetRecipe Create(PredictionTask task, TabularTrainerOptions options)
    {
        OptionsCheck.ThrowIfAny(OptionsCheck.Tabular(options, nameof(TabularTrainerOptions)));
        var numeric = options.NumericColumns.ToArray();
        var categorical = options.CategoricalColumns.ToArray();
        var o = new Settings(
            task == PredictionTask.MulticlassClassification ? MlNetTrainers.LabelKeyColumn : options.LabelColumn,
            options.NumberOfTrees, options.NumberOfLeaves, options.MinimumExampleCountPerLeaf, options.LearningRate, options.NumberOfThreads);
        var algorithm = options.Algorithm;
        var name = "mlnet-tabular-" + (algorithm == TabularAlgorithm.FastTree ? "fasttree" : "lightgbm");
        var hyperparameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["numeric_columns"] = string.Join(",", numeric),
            ["categorical_columns"] = string.Join(",", categorical),
            ["number_of_trees"] = o.Trees.ToString(CultureInfo.InvariantCulture),
            ["number_of_leaves"] = o.Leaves.ToString(CultureInfo.InvariantCulture),
            ["minimum_example_count_per_leaf"] = o.MinLeaf.ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = o.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["number_of_threads"] = o.Threads.ToString(CultureInfo.InvariantCulture),
        };

        IEstimator<ITransformer> Featurize(MLContext ml)
        {
            var concatenate = ml.Transforms.Concatenate(MlNetTrainers.FeaturesColumn, [.. numeric, .. categorical.Select(OneHotName)]);
            return categorical.Length == 0
                ? concatenate
                : ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair(OneHotName(c), c))]).Append(concatenate);
        }

        IEstimator<ITransformer> Learn(MLContext ml)
            => algorithm == TabularAlgorithm.FastTree ? FastTree(ml, task, o) : LightGbm(ml, task, o);

        var needs = new DataRequirements(name, task, options.LabelColumn, [], numeric, categorical);
        return new MlNetRecipe(needs, hyperparameters, Featurize, Learn, CacheFeatures: true, options.TrainingMetricsSampleSize);
    }

    private static string OneHotName(string column) => column + "_OneHot";

    private static IEstimator<ITransformer> FastTree(MLContext ml, PredictionTask task, Settings o)
    {
        switch (task)
        {
            case PredictionTask.Regression:
                return ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                {
                    LabelColumnName = o.Label, FeatureColumnName = MlNetTrainers.FeaturesColumn, NumberOfTrees = o.Trees, NumberOfLeaves = o.Leaves,
                    MinimumExampleCountPerLeaf = o.MinLeaf, LearningRate = o.LearningRate, NumberOfThreads = o.Threads,
                });
            default:
                var binary = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    LabelColumnName = o.Label, FeatureColumnName = MlNetTrainers.FeaturesColumn, NumberOfTrees = o.Trees, NumberOfLeaves = o.Leaves,
                    MinimumExampleCountPerLeaf = o.MinLeaf, LearningRate = o.LearningRate, NumberOfThreads = o.Threads,
                });
                return task == PredictionTask.BinaryClassification
                    ? binary
                    : ml.MulticlassClassification.Trainers.OneVersusAll(binary, labelColumnName: o.Label);
        }
    }

    private static IEstimator<ITransformer> LightGbm(MLContext ml, PredictionTask task, Settings o) => task switch
    {
        PredictionTask.BinaryClassification => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = o.Label, FeatureColumnName = MlNetTrainers.FeaturesColumn, NumberOfIterations = o.Trees, NumberOfLeaves = o.Leaves,
            MinimumExampleCountPerLeaf = o.MinLeaf, LearningRate = o.LearningRate, NumberOfThreads = o.Threads,
        }),
        PredictionTask.MulticlassClassification => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = o.Label, FeatureColumnName = MlNetTrainers.FeaturesColumn, NumberOfIterations = o.Trees, NumberOfLeaves = o.Leaves,
            MinimumExampleCountPerLeaf = o.MinLeaf, LearningRate = o.LearningRate, NumberOfThreads = o.Threads,
        }),
        _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = o.Label, FeatureColumnName = MlNetTrainers.FeaturesColumn, NumberOfIterations = o.Trees, NumberOfLeaves = o.Leaves,
            MinimumExampleCountPerLeaf = o.MinLeaf, LearningRate = o.LearningRate, NumberOfThreads = o.Threads,
        }),
    };

    private sealed record Settings(string Label, int Trees, int Leaves, int MinLeaf, double LearningRate, int Threads);
}
