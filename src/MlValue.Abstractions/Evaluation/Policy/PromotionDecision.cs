using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Evaluation;

/// <summary>
/// Whether a challenger should be promoted, with every check and a one-line reason. Move the
/// alias with <see cref="ToSummary"/> as its reason and keep the full decision, <see cref="ToJson"/>,
/// as an attachment of the version (<see cref="AttachmentName"/>); <see cref="FromJson"/> reads it
/// back, and also reads the JSON reasons that alias moves stored before the summary existed.
/// </summary>
public sealed partial class PromotionDecision
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The challenger's model name.</summary>
    public required string Challenger { get; init; }

    /// <summary>The champion's model name, or <see langword="null"/> for a first model.</summary>
    public string? Champion { get; init; }

    /// <summary>The baseline's model name, if one was compared.</summary>
    public string? Baseline { get; init; }

    /// <summary>The id of the common holdout, if known.</summary>
    public string? DatasetId { get; init; }

    /// <summary>The number of holdout rows every model was evaluated on.</summary>
    public required int HoldoutCount { get; init; }

    /// <summary>When the decision was made (from the injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>True when every check that could be judged passed.</summary>
    public required bool Promote { get; init; }

    /// <summary>One line: the verdict and why.</summary>
    public required string Reason { get; init; }

    /// <summary>Every check, in the order made.</summary>
    public required IReadOnlyList<PolicyCheck> Checks { get; init; }

    /// <summary>Serialises the decision as indented JSON (camelCase, enums as strings).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a decision written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="EvaluationException">The text is not a promotion decision.</exception>
    public static PromotionDecision FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<PromotionDecision>(json, Json)
                ?? throw new EvaluationException("The promotion decision JSON is 'null'; expected an object written by PromotionDecision.ToJson().");
        }
        catch (JsonException error)
        {
            throw new EvaluationException($"The promotion decision JSON cannot be read at {error.Path ?? "$"} (line {error.LineNumber}): {error.Message} Expected an object written by PromotionDecision.ToJson().", error);
        }
    }
}
