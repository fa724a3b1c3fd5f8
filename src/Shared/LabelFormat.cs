using System.Globalization;

namespace MlValue.Annotation;

/// <summary>How labels and confidences are written and checked, the same in every package.</summary>
internal static class LabelFormat
{
    /// <summary>Throws when a confidence is not a number in [0, 1].</summary>
    public static void CheckConfidence(double confidence, string itemId, string annotatorId)
    {
        if (double.IsNaN(confidence) || confidence < 0 || confidence > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                confidence,
                $"The confidence of item '{itemId}' by '{annotatorId}' must be in [0, 1].");
        }
    }

    /// <summary>Writes a label as invariant text (empty for null).</summary>
    public static string Format<TLabel>(TLabel? label)
        => Convert.ToString(label, CultureInfo.InvariantCulture) ?? string.Empty;
}
