using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// Finds likely label errors in the spirit of confident learning (Northcutt et al., cleanlab):
/// the threshold of class j is the mean predicted probability of j over items given label j
/// (its mean self-confidence). An item is flagged when the probability of its given label is
/// below that label's threshold while some other class reaches its own threshold; the suggested
/// label is the most probable such class. Issues are ranked by self-confidence, lowest first,
/// then by item id. Probabilities must be out-of-sample (for example from cross-validation).
/// </summary>
public static class LabelIssueFinder
{
    /// <summary>Finds the items whose given label is probably wrong.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="items">The labelled items.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="givenLabel">Reads the label an item has; must be one of <paramref name="classes"/>.</param>
    /// <param name="predictedProbabilities">Out-of-sample class probabilities of an item, in the order of <paramref name="classes"/>.</param>
    /// <param name="classes">The classes, at least two, distinct.</param>
    /// <returns>The thresholds and the ranked issues.</returns>
    public static LabelIssueResult<TLabel> Find<TItem, TLabel>(
        IEnumerable<TItem> items,
        Func<TItem, string> itemId,
        Func<TItem, TLabel> givenLabel,
        Func<TItem, IReadOnlyList<double>> predictedProbabilities,
        IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        Guard.NotNull(givenLabel);
        Guard.NotNull(predictedProbabilities);
        Guard.NotNull(classes);
        var index = new Dictionary<TLabel, int>();
        foreach (var label in classes)
        {
            if (!index.TryAdd(label, index.Count))
            {
                throw new AnnotationException($"Class '{LabelFormat.Format(label)}' is listed twice; pass each class once, in the order of the probability vectors.");
            }
        }

        if (index.Count < 2)
        {
            throw new AnnotationException($"Label issues need at least two classes; {index.Count} given.");
        }

        var rows = ItemKeys.Collect(items, Guard.NotNull(itemId), "Label issue finder").ConvertAll(k =>
        {
            var p = ActiveLearning.Check(k.Id, predictedProbabilities(k.Item));
            if (p.Count != index.Count)
            {
                throw new AnnotationException($"Item '{k.Id}' has {p.Count} class probabilities but there are {index.Count} classes; give one per class, in class order.");
            }

            var given = givenLabel(k.Item);
            return given is not null && index.TryGetValue(given, out var g)
                ? (k.Id, Given: g, P: p)
                : throw new AnnotationException($"Item '{k.Id}' has given label '{LabelFormat.Format(given)}', which is not one of the classes [{string.Join(", ", classes.Select(x => LabelFormat.Format(x)))}].");
        });

        var counts = new int[index.Count];
        var thresholds = new double[index.Count];
        foreach (var r in rows)
        {
            counts[r.Given]++;
            thresholds[r.Given] += r.P[r.Given];
        }

        for (var j = 0; j < thresholds.Length; j++)
        {
            thresholds[j] = counts[j] == 0 ? double.NaN : thresholds[j] / counts[j];
        }

        var issues = rows
            .Where(r => r.P[r.Given] < thresholds[r.Given])
            .Select(r => (r.Id, r.Given, r.P, Suggested: Enumerable.Range(0, classes.Count)
                .Where(j => j != r.Given && r.P[j] >= thresholds[j])
                .OrderByDescending(j => r.P[j]).ThenBy(j => j).DefaultIfEmpty(-1).First()))
            .Where(x => x.Suggested >= 0)
            .OrderBy(x => x.P[x.Given]).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select((x, rank) => new LabelIssue<TLabel>(x.Id, classes[x.Given], classes[x.Suggested], x.P[x.Given], x.P[x.Suggested], rank + 1))
            .ToList();
        return new LabelIssueResult<TLabel>([.. classes], thresholds, counts, rows.Count, issues);
    }
}
