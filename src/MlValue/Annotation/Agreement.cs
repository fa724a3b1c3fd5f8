namespace MlValue.Annotation;

/// <summary>
/// Inter-annotator agreement. Abstains are left out explicitly: Cohen's κ compares only the items
/// both annotators labelled; Fleiss' κ uses, per item, only its non-abstain ratings and only items
/// with at least two of them, with the per-item generalisation for unequal rating counts
/// (P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1)), p_j = Σ_i n_ij / Σ_i n_i), which equals Fleiss (1971)
/// when every item has the same number of ratings.
/// </summary>
public static class Agreement
{
    /// <summary>Cohen's κ between two annotators on the items both of them labelled.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="first">The first annotator's annotations.</param>
    /// <param name="second">The second annotator's annotations.</param>
    /// <returns>κ with its observed and chance agreement and the number of items compared.</returns>
    public static KappaResult CohensKappa<TLabel>(IEnumerable<Annotation<TLabel>> first, IEnumerable<Annotation<TLabel>> second)
        where TLabel : notnull
    {
        var a = Labelled(first, nameof(first));
        var b = Labelled(second, nameof(second));
        var pairs = a.Where(p => b.ContainsKey(p.Key)).Select(p => (A: p.Value, B: b[p.Key])).ToList();
        if (pairs.Count == 0)
        {
            return KappaResult.From(0, 0, 0);
        }

        double n = pairs.Count;
        var observed = pairs.Count(p => p.A == p.B) / n;
        var expected = pairs.Select(p => p.A).Concat(pairs.Select(p => p.B)).Distinct(StringComparer.Ordinal)
            .Sum(label => pairs.Count(p => p.A == label) / n * (pairs.Count(p => p.B == label) / n));
        return KappaResult.From(observed, expected, pairs.Count);
    }

    /// <summary>Fleiss' κ over any number of annotators; abstains are left out (see the type's remarks).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="annotations">All annotations of all annotators.</param>
    /// <returns>κ with P̄, P̄e and the number of items with at least two ratings.</returns>
    public static KappaResult FleissKappa<TLabel>(IEnumerable<Annotation<TLabel>> annotations)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var rated = annotations.Where(x => !x.IsAbstain).ToList();
        var labels = rated.Select(x => x.LabelText).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var items = rated.GroupBy(x => x.ItemId, StringComparer.Ordinal).Where(g => g.Count() >= 2).ToList();
        var counts = new int[items.Count, labels.Count];
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var x in items[i])
            {
                counts[i, labels.IndexOf(x.LabelText)]++;
            }
        }

        return FleissKappa(counts);
    }

    /// <summary>Fleiss' κ from a subjects × categories table of rating counts (as in Fleiss 1971).</summary>
    /// <param name="counts">n_ij: how many raters put subject i into category j; every count ≥ 0. Rows with fewer than two ratings are skipped.</param>
    /// <returns>κ with P̄, P̄e and the number of subjects used.</returns>
    public static KappaResult FleissKappa(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var categoryTotals = new double[columns];
        double agreementSum = 0, ratings = 0;
        var used = 0;
        for (var i = 0; i < rows; i++)
        {
            double n = 0, pairs = 0;
            for (var j = 0; j < columns; j++)
            {
                var c = counts[i, j];
                if (c < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(counts), c, $"Count at subject {i}, category {j} is negative; counts must be ≥ 0.");
                }

                n += c;
                pairs += (double)c * (c - 1);
            }

            if (n < 2)
            {
                continue;
            }

            used++;
            ratings += n;
            agreementSum += pairs / (n * (n - 1));
            for (var j = 0; j < columns; j++)
            {
                categoryTotals[j] += counts[i, j];
            }
        }

        if (used == 0)
        {
            return KappaResult.From(0, 0, 0);
        }

        var expected = categoryTotals.Sum(t => t / ratings * (t / ratings));
        return KappaResult.From(agreementSum / used, expected, used);
    }

    private static Dictionary<string, string> Labelled<TLabel>(IEnumerable<Annotation<TLabel>> annotations, string name)
    {
        ArgumentNullException.ThrowIfNull(annotations, name);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var x in annotations.Where(x => !x.IsAbstain))
        {
            if (!map.TryAdd(x.ItemId, x.LabelText))
            {
                throw new AnnotationException($"Item '{x.ItemId}' has two labels in '{name}' (annotator '{x.AnnotatorId}'); give each annotator one annotation per item.");
            }
        }

        return map;
    }
}
