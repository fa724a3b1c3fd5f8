using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>Building a reference profile from reference records.</summary>
public sealed partial class ReferenceProfile
{
    /// <summary>The category cap of reference profiles: exact counts for up to 1,000 categories per feature.</summary>
    internal const int ReferenceCategoryCap = 1000;

    private const int Bins = 10;

    /// <summary>
    /// Profiles <paramref name="records"/>: numeric bin edges at the reference deciles, the text vocabulary
    /// (the 50,000 most frequent tokens) and every sketch a monitor keeps.
    /// </summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="schema">The features to profile.</param>
    /// <param name="records">The reference records (read once).</param>
    /// <param name="prediction">Optional: the model's prediction for a record, to profile the prediction distribution.</param>
    /// <returns>The profile.</returns>
    public static ReferenceProfile Build<T>(MonitorSchema<T> schema, IEnumerable<T> records, Func<T, double>? prediction = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        var features = schema.Features;
        var numbers = features.Select(_ => new List<double?>()).ToArray();
        var texts = features.Select(_ => new List<string?>()).ToArray();
        var predictions = new List<double>();
        var count = 0;
        foreach (var record in records)
        {
            count++;
            for (var i = 0; i < features.Count; i++)
            {
                if (features[i].Kind == FeatureKind.Numeric)
                {
                    numbers[i].Add(features[i].Number!(record));
                }
                else
                {
                    var text = features[i].Text!(record);
                    texts[i].Add(text);
                    numbers[i].Add(text?.Length);
                }
            }

            if (prediction is not null)
            {
                predictions.Add(prediction(record));
            }
        }

        var vocabularies = new TextVocabulary[features.Count];
        var baseline = new double[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            vocabularies[i] = features[i].Kind == FeatureKind.Text ? new TextVocabulary(CountTokens(texts[i], 0, 1)) : TextVocabulary.Empty;
            baseline[i] = features[i].Kind == FeatureKind.Text ? HeldOutUnseenShare(texts[i]) : 0;
        }

        var layout = new MonitorLayout(
            schema.Describe(),
            schema.Prediction,
            [.. features.Select(f => f.Name)],
            [.. features.Select(f => f.Kind)],
            [.. numbers.Select((values, i) => features[i].Kind == FeatureKind.Categorical ? [] : DecileEdges(values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value)))],
            vocabularies,
            DecileEdges(predictions.Where(double.IsFinite)));
        var data = new MonitorBucket(layout, ReferenceCategoryCap, 0);
        for (var r = 0; r < count; r++)
        {
            for (var i = 0; i < features.Count; i++)
            {
                switch (features[i].Kind)
                {
                    case FeatureKind.Numeric: data.Numeric[i]!.Add(numbers[i][r]); break;
                    case FeatureKind.Categorical: data.Categorical[i]!.Add(texts[i][r]); break;
                    default:
                        vocabularies[i].Count(texts[i][r], out var tokens, out var unseen);
                        data.Text[i]!.Add(texts[i][r], tokens, unseen);
                        break;
                }
            }

            if (prediction is not null)
            {
                data.Prediction.Add(predictions[r]);
            }

            data.Records++;
        }

        return new ReferenceProfile(layout, data, baseline, prediction is not null);
    }

    /// <summary>Distinct edges at the deciles of <paramref name="values"/>: up to ten bins of equal reference mass.</summary>
    internal static double[] DecileEdges(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return [.. Enumerable.Range(1, Bins - 1).Select(i => sorted[Math.Min(sorted.Length - 1, (int)((long)i * sorted.Length / Bins))]).Distinct()];
    }

    private static Dictionary<string, int> CountTokens(List<string?> texts, int start, int step)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = start; r < texts.Count; r += step)
        {
            var rest = texts[r].AsSpan();
            while (TextVocabulary.NextToken(ref rest, out var token))
            {
                lookup[token] = lookup.TryGetValue(token, out var c) ? c + 1 : 1;
            }
        }

        return counts.Count <= TextVocabulary.MaxTokens
            ? counts
            : counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TextVocabulary.MaxTokens).ToDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The share of tokens of the odd-numbered texts unseen among the even-numbered texts: how much novelty is normal.</summary>
    private static double HeldOutUnseenShare(List<string?> texts)
    {
        var vocabulary = new TextVocabulary(CountTokens(texts, 0, 2));
        long tokens = 0, unseen = 0;
        for (var r = 1; r < texts.Count; r += 2)
        {
            vocabulary.Count(texts[r], out var t, out var u);
            tokens += t;
            unseen += u;
        }

        return tokens == 0 ? 0 : (double)unseen / tokens;
    }
}
