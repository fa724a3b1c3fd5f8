using MlValue.Internal;
using System.Globalization;
using System.Text;

namespace MlValue.Data;

/// <content>A readable card of the dataset.</content>
public sealed partial class Dataset<T>
{
    /// <summary>Renders the dataset card as Markdown: id, rows, provenance, then the schema table.</summary>
    /// <returns>The card.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"# Dataset `{Id}`\n\n");
        text.Append("| | |\n|---|---|\n");
        text.Append(c, $"| rows | {Count} |\n");
        text.Append(c, $"| source | {MarkdownText.Cell(Provenance.Source)} |\n");
        text.Append(c, $"| window | {Provenance.WindowStart?.ToString("O", c) ?? "-"} to {Provenance.WindowEnd?.ToString("O", c) ?? "-"} |\n");
        text.Append(c, $"| parents | {(Provenance.ParentIds.Count == 0 ? "-" : string.Join(", ", Provenance.ParentIds.Select(p => $"`{p}`")))} |\n");
        text.Append(c, $"| derivation | {MarkdownText.Cell(Provenance.Derivation)} |\n\n");
        text.Append("## Schema\n\n| column | type | nullable |\n|---|---|---|\n");
        foreach (var column in Schema.Columns)
        {
            text.Append(c, $"| {column.Name} | {column.Type} | {(column.IsNullable ? "yes" : "no")} |\n");
        }

        return text.ToString();
    }
}
