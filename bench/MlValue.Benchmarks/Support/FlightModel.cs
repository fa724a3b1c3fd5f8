using Microsoft.ML;
using MlValue.Training;

namespace MlValue.Benchmarks.Support;

/// <summary>The one model definition shared by the serving and training benchmarks: FastTree on 3 numeric and 2 categorical columns.</summary>
public static class FlightModel
{
    /// <summary>The registered model name.</summary>
    public const string Name = "flights";

    /// <summary>The seed of every training.</summary>
    public const int Seed = 42;

    /// <summary>The MlValue tabular trainer options.</summary>
    /// <param name="trees">Number of trees.</param>
    /// <returns>The options.</returns>
    public static TabularTrainerOptions Options(int trees)
    {
        var options = new TabularTrainerOptions { LabelColumn = nameof(FlightFeatures.Label), NumberOfTrees = trees };
        options.NumericColumns.Add(nameof(FlightFeatures.Distance));
        options.NumericColumns.Add(nameof(FlightFeatures.DepartureHour));
        options.NumericColumns.Add(nameof(FlightFeatures.DayOfWeek));
        options.CategoricalColumns.Add(nameof(FlightFeatures.Origin));
        options.CategoricalColumns.Add(nameof(FlightFeatures.Carrier));
        return options;
    }

    /// <summary>The same pipeline written directly against ML.NET (what the tabular preset builds).</summary>
    /// <param name="ml">The context.</param>
    /// <param name="trees">Number of trees.</param>
    /// <returns>The estimator.</returns>
    public static IEstimator<ITransformer> RawPipeline(MLContext ml, int trees)
    {
        var o = Options(trees);
        return ml.Transforms.Categorical.OneHotEncoding([new("Origin_OneHot", "Origin"), new("Carrier_OneHot", "Carrier")])
            .Append(ml.Transforms.Concatenate("Features", "Distance", "DepartureHour", "DayOfWeek", "Origin_OneHot", "Carrier_OneHot"))
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = o.LabelColumn,
                FeatureColumnName = "Features",
                NumberOfTrees = o.NumberOfTrees,
                NumberOfLeaves = o.NumberOfLeaves,
                MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
                LearningRate = o.LearningRate,
                NumberOfThreads = o.NumberOfThreads,
            }));
    }
}
