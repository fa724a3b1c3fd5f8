using System.Globalization;
using MathNet.Numerics.Distributions;

namespace MlValue.Cleaning;

/// <content>Category shares against the reference: material (total variation) and beyond noise (chi-square).</content>
internal sealed partial class ColumnCheck
{
    private DataAnomaly? ShareShift(CleaningOptions options)
    {
        var reference = _schema.Categories;
        // Shares among the known categories: values never seen are the unseen-category check's to report.
        var n = _known.Values.Sum();
        if (reference is not { Count: > 1 } || n == 0)
        {
            return null;
        }

        var referenceTotal = reference.Sum(c => c.Share);
        double distance = 0, chi = 0;
        var moves = new List<(string Value, double Expected, double Observed)>();
        foreach (var category in reference)
        {
            var expected = referenceTotal > 0 ? category.Share / referenceTotal : 0;
            var observed = (double)_known.GetValueOrDefault(category.Value) / n;
            distance += Math.Abs(observed - expected);
            if (expected > 0)
            {
                chi += Math.Pow((observed - expected) * n, 2) / (expected * n);
            }

            moves.Add((category.Value, expected, observed));
        }

        distance /= 2;
        var p = 1 - ChiSquared.CDF(reference.Count - 1, chi);
        if (distance <= options.CategoryShareTolerance || p >= options.CategorySharePValue)
        {
            return null;
        }

        var top = moves.OrderByDescending(m => Math.Abs(m.Observed - m.Expected)).ThenBy(m => m.Value, StringComparer.Ordinal).ToList();
        return new DataAnomaly
        {
            Column = _schema.Name, Kind = AnomalyKind.CategoryShareShift, Severity = AnomalySeverity.Warning,
            Expected = $"category shares within {ValueText.Percent(options.CategoryShareTolerance)} (total variation) of the reference",
            Observed = string.Create(CultureInfo.InvariantCulture, $"total variation {ValueText.Percent(distance)}, chi-square p {(p < 0.0001 ? "< 0.0001" : "= " + p.ToString("0.####", CultureInfo.InvariantCulture))} over {n} rows"),
            AffectedRows = n, Share = distance, Threshold = options.CategoryShareTolerance,
            Examples = [.. top.Take(options.MaxExamples).Select(m => $"{ValueText.Quote(m.Value)} {ValueText.Percent(m.Expected)} → {ValueText.Percent(m.Observed)}")],
            Message = $"The shares of column {_schema.Name}'s values moved from the reference (total variation {ValueText.Percent(distance)}, beyond sampling noise); if the mix really changed, check that the model still serves the new mix and infer the schema from a recent reference set.",
        };
    }
}
