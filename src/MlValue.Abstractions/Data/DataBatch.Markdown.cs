using MlValue.Internal;
using System.Globalization;
using System.Text;

namespace MlValue.Data;

/// <content>A readable report of a batch.</content>
public sealed partial class DataBatch<T>
{
    /// <summary>Renders the batch as Markdown: counts, then one table row per read error.</summary>
    /// <returns>The report.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"# Batch from source `{SourceName}`\n\n");
        text.Append(c, $"- read at: {ReadAt:O}\n- records: {Records.Count}\n- read errors: {Errors.Count}\n\n");
        if (Errors.Count == 0)
        {
            return text.Append("No read errors.\n").ToString();
        }

        text.Append("| file | line | column | reason |\n|---|---:|---|---|\n");
        foreach (var error in Errors)
        {
            text.Append(c, $"| {MarkdownText.Cell(error.File)} | {error.Line?.ToString(c) ?? "-"} | {MarkdownText.Cell(error.Column)} | {MarkdownText.Cell(error.Reason)} |\n");
        }

        return text.ToString();
    }
}
