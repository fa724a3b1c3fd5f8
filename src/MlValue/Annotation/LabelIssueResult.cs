using System.Globalization;
using System.Text;

namespace MlValue.Annotation;

/// <summary>The per-class thresholds and the ranked label issues found by <see cref="LabelIssueFinder"/>.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class LabelIssueResult<TLabel>
{
    internal LabelIssueResult(IReadOnlyList<TLabel> classes, IReadOnlyList<double> thresholds, IReadOnlyList<int> classCounts, int itemCount, IReadOnlyList<LabelIssue<TLabel>> issues)
    {
        Classes = classes;
        Thresholds = thresholds;
        ClassCounts = classCounts;
        ItemCount = itemCount;
        Issues = issues;
    }

    /// <summary>The classes, in the order of the probability vectors.</summary>
    public IReadOnlyList<TLabel> Classes { get; }

    /// <summary>Per class: the mean predicted probability of that class over items given that label; <see cref="double.NaN"/> for a class no item has.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Per class: how many items are given that label.</summary>
    public IReadOnlyList<int> ClassCounts { get; }

    /// <summary>How many items were checked.</summary>
    public int ItemCount { get; }

    /// <summary>The issues, most suspicious (lowest self-confidence) first.</summary>
    public IReadOnlyList<LabelIssue<TLabel>> Issues { get; }

    /// <summary>Renders thresholds and the first <paramref name="top"/> issues as Markdown.</summary>
    /// <param name="top">How many issues to list; ≥ 0.</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Label issues").AppendLine();
        sb.AppendLine(c, $"{Issues.Count} of {ItemCount} items ({(ItemCount == 0 ? 0 : (double)Issues.Count / ItemCount):P1}) look mislabelled.").AppendLine();
        sb.AppendLine("| class | items | threshold (mean self-confidence) |").AppendLine("|---|---:|---:|");
        for (var j = 0; j < Classes.Count; j++)
        {
            sb.AppendLine(c, $"| {LabelFormat.Format(Classes[j])} | {ClassCounts[j]} | {(double.IsNaN(Thresholds[j]) ? "n/a" : Thresholds[j].ToString("0.000", c))} |");
        }

        sb.AppendLine().AppendLine("| rank | item | given | suggested | p(given) | p(suggested) |").AppendLine("|---:|---|---|---|---:|---:|");
        foreach (var i in Issues.Take(top))
        {
            sb.AppendLine(c, $"| {i.Rank} | {i.ItemId} | {LabelFormat.Format(i.GivenLabel)} | {LabelFormat.Format(i.SuggestedLabel)} | {i.SelfConfidence:0.000} | {i.SuggestedProbability:0.000} |");
        }

        if (Issues.Count > top)
        {
            sb.AppendLine().AppendLine(c, $"… and {Issues.Count - top} more.");
        }

        return sb.ToString();
    }
}
