using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Training;

/// <summary>The content of a <c>mlvalue-baseline-json</c> artifact.</summary>
internal sealed class BaselineDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public const string MajorityKind = "majority";
    public const string MeanKind = "mean";
    public const string RuleKind = "rule";

    public int Version { get; set; } = 1;

    public string Kind { get; set; } = string.Empty;

    public PredictionTask Task { get; set; }

    public string LabelColumn { get; set; } = string.Empty;

    public string? Rule { get; set; }

    public double? PositiveRate { get; set; }

    public SortedDictionary<string, long>? ClassCounts { get; set; }

    public double? Mean { get; set; }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BaselineDocument Parse(ReadOnlySpan<byte> bytes) => JsonSerializer.Deserialize<BaselineDocument>(bytes, Json)
        ?? throw new JsonException("The document is the JSON literal null.");
}
