using System.Collections;
using System.Globalization;
using System.Text;

namespace MlValue.Cleaning;

/// <summary>The rejected records of a cleaning run, in input order, each with its rule, reason and position.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Quarantine<T> : IReadOnlyList<QuarantinedRecord<T>>
    where T : class
{
    private readonly List<QuarantinedRecord<T>> _entries;

    /// <summary>Creates a quarantine of the given rejected records (copied), in input order.</summary>
    /// <param name="entries">The rejected records.</param>
    public Quarantine(IEnumerable<QuarantinedRecord<T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
    }

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public QuarantinedRecord<T> this[int index] => _entries[index];

    /// <inheritdoc/>
    public IEnumerator<QuarantinedRecord<T>> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Renders the quarantine as a Markdown table (position, rule, reason).</summary>
    /// <param name="maxRows">The most rows listed; the rest are counted below the table. Default 200.</param>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown(int maxRows = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Quarantine ({_entries.Count} records)\n\n");
        if (_entries.Count == 0)
        {
            return md.Append("No record was quarantined.\n").ToString();
        }

        md.Append("| position | rule | reason |\n|---|---|---|\n");
        foreach (var entry in _entries.Take(maxRows))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {ValueText.Cell(entry.Position)} | {ValueText.Cell(entry.Rule)} | {ValueText.Cell(entry.Reason)} |\n");
        }

        if (_entries.Count > maxRows)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n… and {_entries.Count - maxRows} more.\n");
        }

        return md.ToString();
    }
}
