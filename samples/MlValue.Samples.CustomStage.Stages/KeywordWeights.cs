using System.Text.Json;

namespace MlValue.Samples.CustomStage;

/// <summary>The artifact's content: a bias and one weight per word (log-odds), serialised as JSON.</summary>
public sealed class KeywordWeights
{
    /// <summary>The artifact's format id.</summary>
    public const string FormatId = "keyword-weights-json";

    /// <summary>The log-odds of spam before any word.</summary>
    public double Bias { get; set; }

    /// <summary>Per lower-case word, its log-odds contribution.</summary>
    public SortedDictionary<string, double> Weights { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Splits a text into lower-case words.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The distinct words.</returns>
    public static IEnumerable<string> Words(string text)
        => text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ':', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);

    /// <summary>Serialises.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>Deserialises.</summary>
    /// <param name="bytes">UTF-8 JSON.</param>
    /// <returns>The weights.</returns>
    public static KeywordWeights FromBytes(ReadOnlySpan<byte> bytes) => JsonSerializer.Deserialize<KeywordWeights>(bytes) ?? throw new InvalidDataException("The keyword model is empty.");
}
