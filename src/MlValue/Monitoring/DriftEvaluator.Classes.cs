using MlValue.Training;
using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>Multiclass windows: the predicted-class distribution and per-class performance.</summary>
internal sealed partial class DriftEvaluator
{
    private static SortedDictionary<string, long> PredictedClasses(CategoricalSketch classes)
    {
        var counts = new SortedDictionary<string, long>(classes.Counts, StringComparer.Ordinal);
        if (classes.Other > 0)
        {
            counts[ClassPerformanceSketch.OtherClass] = counts.GetValueOrDefault(ClassPerformanceSketch.OtherClass) + classes.Other;
        }

        return counts;
    }

    private WindowPerformance Multiclass(ClassPerformanceSketch sketch)
    {
        static double? Ratio(long a, long b) => b > 0 ? (double)a / b : null;
        var classes = sketch.Classes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(pair =>
        {
            var (tp, fp, fn) = (pair.Value.TruePositives, pair.Value.FalsePositives, pair.Value.FalseNegatives);
            double? precision = Ratio(tp, tp + fp), recall = Ratio(tp, tp + fn);
            return new ClassPerformance
            {
                Class = pair.Key, TruePositives = tp, FalsePositives = fp, FalseNegatives = fn, Precision = precision, Recall = recall,
                F1 = tp == 0 ? 0 : 2 * precision!.Value * recall!.Value / (precision.Value + recall.Value),
            };
        }).ToList();
        var n = sketch.Labeled;
        return new WindowPerformance
        {
            Task = PredictionTask.MulticlassClassification, Labeled = n, Sufficient = n >= options.MinSampleSize, Classes = classes,
            Accuracy = Ratio(sketch.Correct, n),
            MacroF1 = classes.Count == 0 ? null : classes.Average(c => c.F1!.Value),
        };
    }
}
