namespace MlValue.Evaluation.Internal;

/// <summary>Confusion matrix and per-class precision, recall and F1 from class indices; F1 is
/// 2·TP / (support + predicted), so a class labelled but never predicted has F1 0.</summary>
internal static class ClassBreakdown
{
    public static ConfusionMatrix Confusion(IReadOnlyList<string> classes, IReadOnlyList<int> labels, IReadOnlyList<int> predicted)
    {
        var counts = new int[classes.Count][];
        for (var c = 0; c < classes.Count; c++)
        {
            counts[c] = new int[classes.Count];
        }

        for (var i = 0; i < labels.Count; i++)
        {
            counts[labels[i]][predicted[i]]++;
        }

        return new ConfusionMatrix { Classes = classes.ToArray(), Counts = counts };
    }

    public static IReadOnlyList<ClassMetrics> PerClass(ConfusionMatrix matrix)
    {
        var result = new List<ClassMetrics>();
        for (var c = 0; c < matrix.Classes.Count; c++)
        {
            var name = matrix.Classes[c];
            var hits = matrix.Counts[c][c];
            var support = matrix.Counts[c].Sum();
            var predictedAs = matrix.Counts.Sum(row => row[c]);
            var precision = predictedAs == 0
                ? MetricValue.Undefined($"precision[{name}]", $"no row was predicted '{name}'")
                : MetricValue.Of($"precision[{name}]", (double)hits / predictedAs);
            var recall = support == 0
                ? MetricValue.Undefined($"recall[{name}]", $"no row is labelled '{name}'")
                : MetricValue.Of($"recall[{name}]", (double)hits / support);
            result.Add(new ClassMetrics
            {
                ClassName = name,
                Support = support,
                Precision = precision,
                Recall = recall,
                F1 = support + predictedAs == 0
                    ? MetricValue.Undefined($"f1[{name}]", $"no row is labelled or predicted '{name}'")
                    : MetricValue.Of($"f1[{name}]", 2.0 * hits / (support + predictedAs)),
            });
        }

        return result;
    }
}
