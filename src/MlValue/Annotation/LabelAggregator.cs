namespace MlValue.Annotation;

/// <summary>
/// Combines several annotators' votes into one label per item: majority vote, or a vote weighted
/// by each annotator's accuracy. Abstains are never counted as votes for any label.
/// </summary>
public static class LabelAggregator
{
    /// <summary>One vote per annotator; the label with most votes wins.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="annotations">All annotations, at most one per (item, annotator).</param>
    /// <param name="tieBreak">What a tie does; default <see cref="TieBreak.Abstain"/>.</param>
    /// <returns>One aggregated label per item, in order of the item's first annotation.</returns>
    public static IReadOnlyList<AggregatedLabel<TLabel>> MajorityVote<TLabel>(IEnumerable<Annotation<TLabel>> annotations, TieBreak tieBreak = TieBreak.Abstain)
        where TLabel : notnull
        => Vote(annotations, _ => 1.0, tieBreak);

    /// <summary>
    /// Each annotator's vote counts with its weight (for example from <see cref="WeightsFromGold{TLabel}"/>);
    /// the label with the highest summed weight wins.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="annotations">All annotations, at most one per (item, annotator).</param>
    /// <param name="weights">A weight ≥ 0 for every annotator that appears in <paramref name="annotations"/>.</param>
    /// <param name="tieBreak">What a tie does; default <see cref="TieBreak.Abstain"/>.</param>
    /// <returns>One aggregated label per item, in order of the item's first annotation.</returns>
    public static IReadOnlyList<AggregatedLabel<TLabel>> WeightedVote<TLabel>(IEnumerable<Annotation<TLabel>> annotations, IReadOnlyDictionary<string, double> weights, TieBreak tieBreak = TieBreak.Abstain)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (annotator, weight) in weights)
        {
            if (double.IsNaN(weight) || double.IsInfinity(weight) || weight < 0)
            {
                throw new AnnotationException($"The weight of annotator '{annotator}' is {weight}; weights must be finite and ≥ 0.");
            }
        }

        return Vote(
            annotations,
            annotator => weights.TryGetValue(annotator, out var w)
                ? w
                : throw new AnnotationException($"No weight for annotator '{annotator}'; give it one, or compute weights with LabelAggregator.WeightsFromGold over annotations that include it."),
            tieBreak);
    }

    /// <summary>
    /// Weights from each annotator's accuracy on the items with a gold label: accuracy is smoothed
    /// as (correct + 1) / (judged + 2), and the weight is its log-odds against chance,
    /// max(0, ln(acc · (K − 1) / (1 − acc))) with K the number of distinct labels (at least 2),
    /// the optimal weighting for independent voters. An annotator no better than chance, or with
    /// no gold item labelled, gets weight 0.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="annotations">All annotations.</param>
    /// <param name="gold">The known labels by item id.</param>
    /// <returns>A weight for every annotator that appears in <paramref name="annotations"/>.</returns>
    public static IReadOnlyDictionary<string, double> WeightsFromGold<TLabel>(IEnumerable<Annotation<TLabel>> annotations, IReadOnlyDictionary<string, TLabel> gold)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(gold);
        var list = annotations.ToList();
        var comparer = EqualityComparer<TLabel>.Default;
        var classes = Math.Max(2, list.Where(a => !a.IsAbstain).Select(a => a.Label!).Concat(gold.Values).Distinct(comparer).Count());
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var byAnnotator in list.GroupBy(a => a.AnnotatorId, StringComparer.Ordinal))
        {
            int correct = 0, judged = 0;
            foreach (var a in byAnnotator.Where(a => !a.IsAbstain))
            {
                if (gold.TryGetValue(a.ItemId, out var truth))
                {
                    judged++;
                    correct += comparer.Equals(truth, a.Label!) ? 1 : 0;
                }
            }

            var accuracy = (correct + 1.0) / (judged + 2.0);
            weights[byAnnotator.Key] = Math.Max(0, Math.Log(accuracy * (classes - 1) / (1 - accuracy)));
        }

        return weights;
    }

    private static List<AggregatedLabel<TLabel>> Vote<TLabel>(IEnumerable<Annotation<TLabel>> annotations, Func<string, double> weightOf, TieBreak tieBreak)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (!Enum.IsDefined(tieBreak))
        {
            throw new ArgumentOutOfRangeException(nameof(tieBreak), tieBreak, "Use TieBreak.Abstain or TieBreak.HighestConfidence.");
        }

        var byItem = new Dictionary<string, List<Annotation<TLabel>>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var a in annotations)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(annotations));
            if (!byItem.TryGetValue(a.ItemId, out var votes))
            {
                byItem[a.ItemId] = votes = [];
                order.Add(a.ItemId);
            }

            if (votes.Exists(v => v.AnnotatorId == a.AnnotatorId))
            {
                throw new AnnotationException($"Annotator '{a.AnnotatorId}' voted twice on item '{a.ItemId}'; keep one annotation per (item, annotator) before aggregating.");
            }

            votes.Add(a);
        }

        return order.ConvertAll(id => Decide(id, byItem[id], weightOf, tieBreak));
    }

    private static AggregatedLabel<TLabel> Decide<TLabel>(string itemId, List<Annotation<TLabel>> votes, Func<string, double> weightOf, TieBreak tieBreak)
        where TLabel : notnull
    {
        var scores = votes.Where(v => !v.IsAbstain)
            .GroupBy(v => v.Label!, EqualityComparer<TLabel>.Default)
            .Select(g => (Label: g.Key, Text: LabelFormat.Format(g.Key), Score: g.Sum(v => weightOf(v.AnnotatorId)), Confidence: g.Sum(v => v.Confidence)))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Confidence).ThenBy(s => s.Text, StringComparer.Ordinal)
            .ToList();
        var total = scores.Sum(s => s.Score);
        if (scores.Count == 0 || total <= 0)
        {
            return new AggregatedLabel<TLabel>(itemId, true, default, 0, false, votes);
        }

        var tie = scores.Count > 1 && scores[1].Score >= scores[0].Score - 1e-12;
        return tie && tieBreak == TieBreak.Abstain
            ? new AggregatedLabel<TLabel>(itemId, true, default, 0, true, votes)
            : new AggregatedLabel<TLabel>(itemId, false, scores[0].Label, scores[0].Score / total, tie, votes);
    }
}
