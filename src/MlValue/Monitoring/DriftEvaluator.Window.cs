using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>Evaluating a whole window: features, prediction, performance, data quality.</summary>
internal sealed partial class DriftEvaluator
{
    public MonitorWindow Evaluate(MonitorBucket window, DateTimeOffset start, DateTimeOffset end)
    {
        var layout = window.Layout;
        var features = new FeatureDrift[layout.Names.Length];
        var baseline = reference?.Data;
        for (var i = 0; i < features.Length; i++)
        {
            var name = layout.Names[i];
            features[i] = layout.Kinds[i] switch
            {
                FeatureKind.Numeric => Numeric(name, FeatureKind.Numeric, window.Numeric[i]!, baseline?.Numeric[i]),
                FeatureKind.Categorical => Categorical(name, window.Categorical[i]!, baseline?.Categorical[i]),
                _ => Text(name, i, window.Text[i]!, baseline?.Text[i]),
            };
        }

        var prediction = layout.Prediction == PredictionTask.MulticlassClassification
            ? Categorical(FeatureDefinition<object>.PredictionName, window.PredictedClasses!, reference?.HasPrediction == true ? baseline!.PredictedClasses : null)
            : Numeric(FeatureDefinition<object>.PredictionName, FeatureKind.Numeric, window.Prediction, reference?.HasPrediction == true ? baseline!.Prediction : null);
        if (reference is not null && !reference.HasPrediction)
        {
            prediction = prediction with { Verdict = DriftVerdict.NoReference, Reason = "the reference profile has no predictions" };
        }

        return new MonitorWindow
        {
            Start = start,
            End = end,
            Records = window.Records,
            LateAccepted = window.LateAccepted,
            TooLate = window.TooLate,
            InFuture = window.InFuture,
            InvalidPredictions = window.InvalidPredictions,
            UnknownOutcomes = window.UnknownOutcomes,
            ExpiredOutcomes = window.ExpiredOutcomes,
            Versions = new SortedDictionary<string, long>(window.Versions, StringComparer.Ordinal),
            ReferenceVersion = version,
            Features = features,
            Prediction = prediction,
            PredictedClasses = window.PredictedClasses is { } classes ? PredictedClasses(classes) : new SortedDictionary<string, long>(StringComparer.Ordinal),
            Performance = layout.Prediction == PredictionTask.MulticlassClassification ? Multiclass(window.Classes!) : Performance(layout.Prediction, window.Performance),
        };
    }

    private WindowPerformance Performance(PredictionTask kind, Sketches.PerformanceSketch p)
    {
        double? Ratio(double a, double b) => b > 0 ? a / b : null;
        var n = p.Labeled;
        if (kind == PredictionTask.Regression)
        {
            return new WindowPerformance
            {
                Task = kind, Labeled = n, Sufficient = n >= options.MinSampleSize,
                MeanAbsoluteError = Ratio(p.AbsoluteErrorSum, n),
                RootMeanSquaredError = n > 0 ? Math.Sqrt(p.SquaredErrorSum / n) : null,
            };
        }

        var auc = p.Auc();
        return new WindowPerformance
        {
            Task = kind, Labeled = n, Sufficient = n >= options.MinSampleSize,
            TruePositives = p.TruePositives, FalsePositives = p.FalsePositives, TrueNegatives = p.TrueNegatives, FalseNegatives = p.FalseNegatives,
            Accuracy = Ratio(p.TruePositives + p.TrueNegatives, n),
            Precision = Ratio(p.TruePositives, p.TruePositives + p.FalsePositives),
            Recall = Ratio(p.TruePositives, p.TruePositives + p.FalseNegatives),
            LogLoss = Ratio(p.LogLossSum, n),
            Auc = double.IsNaN(auc) ? null : auc,
        };
    }
}
