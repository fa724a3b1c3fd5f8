using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace MlValue.Training;

/// <summary>The text preset: FeaturizeText per column, concatenated, then SDCA.</summary>
internal static class TextPreset
{
    public static MlNetRecipe Create(PredictionTask task, TextTrainerOptions options)
    {
        OptionsCheck.ThrowIfAny(OptionsCheck.Text(options, nameof(TextTrainerOptions)));
        var columns = options.TextColumns.ToArray();
        var name = task switch
        {
            PredictionTask.BinaryClassification => "mlnet-text-sdca-logistic",
            PredictionTask.MulticlassClassification => "mlnet-text-sdca-maxent",
            _ => "mlnet-text-sdca-regression",
        };
        var label = options.LabelColumn;
        var trainLabel = task == PredictionTask.MulticlassClassification ? MlNetTrainers.LabelKeyColumn : label;
        var wordNgrams = options.WordNgramLength;
        var charNgrams = options.UseCharNgrams ? options.CharNgramLength : 0;
        var iterations = options.MaximumNumberOfIterations;
        var threads = options.NumberOfThreads;
        var hyperparameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["text_columns"] = string.Join(",", columns),
            ["word_ngram_length"] = wordNgrams.ToString(CultureInfo.InvariantCulture),
            ["char_ngram_length"] = charNgrams.ToString(CultureInfo.InvariantCulture),
            ["maximum_number_of_iterations"] = iterations?.ToString(CultureInfo.InvariantCulture) ?? "auto",
            ["number_of_threads"] = threads.ToString(CultureInfo.InvariantCulture),
        };

        IEstimator<ITransformer> Featurize(MLContext ml)
        {
            IEstimator<ITransformer>? chain = null;
            foreach (var column in columns)
            {
                var featurizer = ml.Transforms.Text.FeaturizeText(FeatureName(column), Options(wordNgrams, charNgrams), column);
                chain = chain is null ? featurizer : chain.Append(featurizer);
            }

            return chain!.Append(ml.Transforms.Concatenate(MlNetTrainers.FeaturesColumn, [.. columns.Select(FeatureName)]));
        }

        IEstimator<ITransformer> Learn(MLContext ml) => task switch
        {
            PredictionTask.BinaryClassification => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = trainLabel, FeatureColumnName = MlNetTrainers.FeaturesColumn, MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
            PredictionTask.MulticlassClassification => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = trainLabel, FeatureColumnName = MlNetTrainers.FeaturesColumn, MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
            _ => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = trainLabel, FeatureColumnName = MlNetTrainers.FeaturesColumn, MaximumNumberOfIterations = iterations, NumberOfThreads = threads,
            }),
        };

        var needs = new DataRequirements(name, task, label, columns, [], []);
        return new MlNetRecipe(needs, hyperparameters, Featurize, Learn, options.CacheFeatures, options.TrainingMetricsSampleSize);
    }

    private static string FeatureName(string column) => column + "_Features";

    private static TextFeaturizingEstimator.Options Options(int wordNgrams, int charNgrams) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = wordNgrams, UseAllLengths = true },
        CharFeatureExtractor = charNgrams > 0 ? new WordBagEstimator.Options { NgramLength = charNgrams, UseAllLengths = false } : null,
    };
}
