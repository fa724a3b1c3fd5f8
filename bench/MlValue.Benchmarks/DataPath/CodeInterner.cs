namespace MlValue.Benchmarks.DataPath;

/// <summary>
/// Turns the character memory of a low-cardinality string column (airport codes) into shared strings: one string per
/// distinct value instead of one per row. Past <see cref="MaximumSize"/> distinct values it stops caching and allocates.
/// </summary>
public sealed class CodeInterner
{
    /// <summary>The most distinct values kept.</summary>
    public const int MaximumSize = 65_536;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty interner.</summary>
    public CodeInterner()
    {
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shared string equal to <paramref name="value"/>, or null.</summary>
    /// <param name="value">The characters, or null for a missing value.</param>
    /// <returns>The string.</returns>
    public string? Intern(ReadOnlyMemory<char>? value)
    {
        if (value is not { } memory)
        {
            return null;
        }

        if (_lookup.TryGetValue(memory.Span, out var known))
        {
            return known;
        }

        var text = memory.ToString();
        if (_values.Count < MaximumSize)
        {
            _values[text] = text;
        }

        return text;
    }
}
