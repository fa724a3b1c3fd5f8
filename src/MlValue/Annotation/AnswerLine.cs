using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace MlValue.Annotation;

/// <summary>Reads one line of an answers file, saying exactly what is wrong with a bad one.</summary>
internal static class AnswerLine
{
    public static bool TryParse<TLabel>(string line, out string? taskId, [NotNullWhen(true)] out AnswerRecord? answer, out string reason)
    {
        taskId = null;
        answer = null;
        reason = string.Empty;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            reason = $"not valid JSON ({error.Message}); write one JSON object per line.";
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = $"expected a JSON object, found {root.ValueKind}.";
            return false;
        }

        taskId = Text(root, "taskId");
        var annotatorId = Text(root, "annotatorId");
        if (string.IsNullOrWhiteSpace(taskId))
        {
            reason = "missing 'taskId' (a non-empty string from the exported task).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(annotatorId))
        {
            reason = $"task '{taskId}': missing 'annotatorId' (who answered, for example an e-mail or user name).";
            return false;
        }

        var abstain = root.TryGetProperty("abstain", out var a) && a.ValueKind == JsonValueKind.True;
        if (abstain)
        {
            answer = new AnswerRecord { AnnotatorId = annotatorId, Abstain = true };
            return true;
        }

        if (!root.TryGetProperty("label", out var label) || label.ValueKind == JsonValueKind.Null)
        {
            reason = $"task '{taskId}': missing 'label'; give a label, or \"abstain\": true to skip the item.";
            return false;
        }

        try
        {
            if (JsonSerializer.Deserialize<TLabel>(label, AnnotationTaskQueue.Json) is null)
            {
                throw new JsonException("it reads as null");
            }
        }
        catch (JsonException error)
        {
            reason = $"task '{taskId}': 'label' {label.GetRawText()} is not a valid {typeof(TLabel).Name} ({error.Message}).";
            return false;
        }

        var confidence = 1.0;
        if (root.TryGetProperty("confidence", out var c) && (c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out confidence) || confidence is < 0 or > 1))
        {
            reason = $"task '{taskId}': 'confidence' {c.GetRawText()} must be a number in [0, 1].";
            return false;
        }

        answer = new AnswerRecord { AnnotatorId = annotatorId, Label = label, Confidence = confidence };
        return true;
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
