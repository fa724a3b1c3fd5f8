namespace MlValue.Monitoring.Sketches;

/// <summary>
/// The reference vocabulary of a text feature (case-insensitive tokens). Tokens are maximal runs of letters
/// or digits, found on spans and looked up through an alternate span lookup, so counting allocates nothing.
/// Read-only after construction, so it is shared by every thread.
/// </summary>
internal sealed class TextVocabulary
{
    /// <summary>The most tokens a reference vocabulary keeps (the most frequent ones).</summary>
    public const int MaxTokens = 50_000;

    private readonly Dictionary<string, int> _tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextVocabulary(Dictionary<string, int> tokens)
    {
        _tokens = tokens.Comparer == StringComparer.OrdinalIgnoreCase ? tokens : new Dictionary<string, int>(tokens, StringComparer.OrdinalIgnoreCase);
        _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static TextVocabulary Empty { get; } = new(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, int> Tokens => _tokens;

    /// <summary>Counts the tokens of <paramref name="text"/> and those not in this vocabulary.</summary>
    public void Count(ReadOnlySpan<char> text, out int tokens, out int unseen)
    {
        tokens = 0;
        unseen = 0;
        var rest = text;
        while (NextToken(ref rest, out var token))
        {
            tokens++;
            if (!_lookup.ContainsKey(token))
            {
                unseen++;
            }
        }
    }

    /// <summary>Cuts the next token off the front of <paramref name="rest"/>.</summary>
    public static bool NextToken(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var start = 0;
        while (start < rest.Length && !char.IsLetterOrDigit(rest[start]))
        {
            start++;
        }

        var end = start;
        while (end < rest.Length && char.IsLetterOrDigit(rest[end]))
        {
            end++;
        }

        token = rest[start..end];
        rest = rest[end..];
        return token.Length > 0;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_tokens.Count);
        foreach (var pair in _tokens.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value);
        }
    }

    public static TextVocabulary Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        var tokens = new Dictionary<string, int>(n, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < n; i++)
        {
            tokens[reader.ReadString()] = reader.ReadInt32();
        }

        return new TextVocabulary(tokens);
    }
}
