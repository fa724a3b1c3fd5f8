using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// Active-learning selection: picks the items whose labels would teach the model most, under a
/// budget. Deterministic: equal scores are ordered by item id (ordinal).
/// </summary>
public static class ActiveLearning
{
    private const double Tolerance = 1e-6;

    /// <summary>Picks up to <paramref name="budget"/> items by uncertainty of their predicted class probabilities.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The unlabelled candidates.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="probabilities">The model's class probabilities for an item: each in [0, 1], summing to 1 (tolerance 1e-3).</param>
    /// <param name="budget">How many items may be labelled; ≥ 0.</param>
    /// <param name="strategy">How uncertainty is scored.</param>
    /// <returns>The selection, most worth labelling first.</returns>
    public static IReadOnlyList<SelectedItem<TItem>> Select<TItem>(
        IEnumerable<TItem> items,
        Func<TItem, string> itemId,
        Func<TItem, IReadOnlyList<double>> probabilities,
        int budget,
        UncertaintyStrategy strategy)
    {
        Guard.NotNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Use LeastConfidence, Entropy or Margin.");
        }

        var keyed = ItemKeys.Collect(items, Guard.NotNull(itemId), "Active learning");
        return [.. keyed
            .Select(k => (k.Id, k.Item, Score: Score(Check(k.Id, probabilities(k.Item)), strategy)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(budget)
            .Select((x, i) => new SelectedItem<TItem>(x.Id, x.Item, x.Score, i + 1))];
    }

    /// <summary>Picks up to <paramref name="budget"/> items of a binary classifier by uncertainty of the positive-class probability.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The unlabelled candidates.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="positiveProbability">The probability of the positive class, in [0, 1].</param>
    /// <param name="budget">How many items may be labelled; ≥ 0.</param>
    /// <param name="strategy">How uncertainty is scored.</param>
    /// <returns>The selection, most worth labelling first.</returns>
    public static IReadOnlyList<SelectedItem<TItem>> SelectBinary<TItem>(
        IEnumerable<TItem> items,
        Func<TItem, string> itemId,
        Func<TItem, double> positiveProbability,
        int budget,
        UncertaintyStrategy strategy)
    {
        Guard.NotNull(positiveProbability);
        return Select(items, itemId, item => { var p = positiveProbability(item); return [1 - p, p]; }, budget, strategy);
    }

    internal static IReadOnlyList<double> Check(string itemId, IReadOnlyList<double>? p)
    {
        if (p is null || p.Count < 2)
        {
            throw new AnnotationException($"Item '{itemId}' has {p?.Count ?? 0} class probabilities; give one per class, at least two.");
        }

        for (var j = 0; j < p.Count; j++)
        {
            if (double.IsNaN(p[j]) || p[j] < -Tolerance || p[j] > 1 + Tolerance)
            {
                throw new AnnotationException($"Item '{itemId}' has probability {p[j]} for class {j}; probabilities must be in [0, 1].");
            }
        }

        var sum = p.Sum();
        if (Math.Abs(sum - 1) > 1e-3)
        {
            throw new AnnotationException($"Item '{itemId}' has class probabilities summing to {sum}; they must sum to 1 (use the model's normalised probabilities, not raw scores).");
        }

        return p;
    }

    private static double Score(IReadOnlyList<double> p, UncertaintyStrategy strategy)
    {
        var sorted = p.OrderDescending().ToArray();
        return strategy switch
        {
            UncertaintyStrategy.Entropy => -p.Where(x => x > 0).Sum(x => x * Math.Log(x)),
            UncertaintyStrategy.Margin => 1 - (sorted[0] - sorted[1]),
            _ => 1 - sorted[0],
        };
    }
}
