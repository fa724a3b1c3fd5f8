using MlValue.Internal;
using System.Globalization;
using System.Text;

namespace MlValue.Cleaning;

/// <content>Markdown rendering.</content>
public sealed partial class DataSchema
{
    /// <summary>Renders the schema as a Markdown table, one row per column.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder("## Inferred schema\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Reference rows: {Rows}; a string column with at most {MaxCategories} distinct values is categorical.\n\n");
        md.Append("| column | type | null rate | observed |\n|---|---|---:|---|\n");
        foreach (var column in Columns)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {ValueText.Cell(column.Name)} | {column.Type} | {ValueText.Percent(column.NullRate)} | {ValueText.Cell(Describe(column))} |\n");
        }

        return md.ToString();
    }

    internal static string Describe(ColumnSchema column)
    {
        var parts = new List<string>();
        if (column.Numeric is { } n)
        {
            parts.Add($"range [{ValueText.Number(n.Min)}, {ValueText.Number(n.Max)}], mean {ValueText.Number(n.Mean)}");
            if (n.Quantiles.Count == 5)
            {
                parts.Add($"p5/p25/p50/p75/p95 {string.Join(" / ", n.Quantiles.Select(ValueText.Number))}");
            }

            if (n.NonFinite > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{n.NonFinite} non-finite"));
            }
        }

        if (column.Timestamp is { } t)
        {
            parts.Add($"range [{Iso(t.Min)}, {Iso(t.Max)}]");
        }

        if (column.Categories is { } categories)
        {
            parts.Add($"{categories.Count} categories: " + string.Join(", ", categories.Take(8).Select(c => $"{ValueText.Quote(c.Value)} {ValueText.Percent(c.Share)}"))
                + (categories.Count > 8 ? ", …" : string.Empty));
        }
        else if (column.Text is { } text)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"text, length {text.MinLength}..{text.MaxLength} (mean {text.MeanLength:0.#})"));
        }

        return parts.Count == 0 ? "no value seen" : string.Join("; ", parts);
    }

    internal static string Iso(DateTimeOffset value) => MarkdownText.Iso(value);
}
