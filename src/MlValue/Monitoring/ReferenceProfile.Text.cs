using MlValue.Monitoring.Sketches;

namespace MlValue.Monitoring;

/// <summary>The text part of a reference profile: the vocabulary and how much novelty is normal.</summary>
public sealed partial class ReferenceProfile
{
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
