using System.Globalization;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>
/// One entry of a monitor's reference history (<see cref="ModelMonitor{T}.References"/>): which model version's
/// reference profile applies to the buckets from <see cref="From"/> on, or why there is none.
/// </summary>
public sealed class MonitorReference
{
    /// <summary>The model version the reference came from, or null when the monitor was given it directly (or none).</summary>
    public string? Version { get; init; }

    /// <summary>The start of the first bucket it applies to, or null for the first entry (every earlier bucket).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The reference profile, or null when there is none (see <see cref="Reason"/>).</summary>
    public ReferenceProfile? Profile { get; init; }

    /// <summary>Why there is no reference (the reason the "no reference" verdicts give), or null when there is one.</summary>
    public string? Reason { get; init; }

    /// <summary>The history as a Markdown table, oldest first: from, version, reference.</summary>
    /// <param name="references">The history, for example <see cref="ModelMonitor{T}.References"/>.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(IEnumerable<MonitorReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var text = new StringBuilder("| from | version | reference |\n|---|---|---|\n");
        foreach (var r in references)
        {
            var from = r.From is { } f ? f.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "start";
            var what = r.Profile is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{p.RecordCount} records: {string.Join(", ", p.FeatureNames)}{(p.HasPrediction ? ", prediction" : string.Empty)}")
                : "none: " + r.Reason;
            text.Append(CultureInfo.InvariantCulture, $"| {from} | {r.Version ?? "—"} | {what.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }
}
