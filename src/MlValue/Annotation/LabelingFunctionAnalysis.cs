using System.Globalization;
using System.Text;

namespace MlValue.Annotation;

/// <summary>Per-rule coverage, overlaps, conflicts and accuracy over a set of items (as Snorkel's LFAnalysis).</summary>
public sealed class LabelingFunctionAnalysis
{
    private LabelingFunctionAnalysis(int itemCount, double totalCoverage, IReadOnlyList<LabelingFunctionStats> functions)
    {
        ItemCount = itemCount;
        TotalCoverage = totalCoverage;
        Functions = functions;
    }

    /// <summary>How many items were analysed.</summary>
    public int ItemCount { get; }

    /// <summary>Share of items that at least one rule labelled, in [0, 1].</summary>
    public double TotalCoverage { get; }

    /// <summary>One row per labeling function, in the order given.</summary>
    public IReadOnlyList<LabelingFunctionStats> Functions { get; }

    /// <summary>Renders the analysis as a Markdown table.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var gold = Functions.Any(f => f.Correct is not null);
        var sb = new StringBuilder();
        sb.AppendLine("## Labeling functions").AppendLine();
        sb.AppendLine(c, $"{ItemCount} items; {Functions.Count} rules; labelled by at least one rule: {TotalCoverage:P1}.").AppendLine();
        sb.Append("| rule | polarity | coverage | overlaps | conflicts |");
        sb.AppendLine(gold ? " correct | incorrect | emp. accuracy |" : string.Empty);
        sb.Append("|---|---|---:|---:|---:|").AppendLine(gold ? "---:|---:|---:|" : string.Empty);
        foreach (var f in Functions)
        {
            sb.Append(c, $"| {f.Name} | {string.Join(", ", f.Polarity)} | {f.Coverage:P1} | {f.Overlaps:P1} | {f.Conflicts:P1} |");
            sb.AppendLine(gold
                ? string.Create(c, $" {f.Correct} | {f.Incorrect} | {(f.EmpiricalAccuracy is { } a ? a.ToString("P1", c) : "n/a")} |")
                : string.Empty);
        }

        return sb.ToString();
    }

    internal static LabelingFunctionAnalysis Compute<TLabel>(IReadOnlyList<string> names, IReadOnlyList<RuleVote<TLabel>[]> matrix, IReadOnlyList<TLabel?>? gold)
        where TLabel : notnull
    {
        var comparer = EqualityComparer<TLabel>.Default;
        int n = matrix.Count, m = names.Count;
        var covered = 0;
        var rows = new List<LabelingFunctionStats>(m);
        var counts = new int[m, 5];
        var polarity = Enumerable.Range(0, m).Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        for (var i = 0; i < n; i++)
        {
            var row = matrix[i];
            var firing = row.Count(v => !v.IsAbstain);
            covered += firing > 0 ? 1 : 0;
            for (var j = 0; j < m; j++)
            {
                var vote = row[j];
                if (vote.IsAbstain)
                {
                    continue;
                }

                polarity[j].Add(LabelFormat.Format(vote.Label));
                counts[j, 0]++;
                counts[j, 1] += firing > 1 ? 1 : 0;
                counts[j, 2] += row.Any(o => !o.IsAbstain && !comparer.Equals(o.Label!, vote.Label!)) ? 1 : 0;
                if (gold is not null && gold[i] is { } truth)
                {
                    counts[j, comparer.Equals(truth, vote.Label!) ? 3 : 4]++;
                }
            }
        }

        for (var j = 0; j < m; j++)
        {
            var judged = counts[j, 3] + counts[j, 4];
            rows.Add(new LabelingFunctionStats
            {
                Name = names[j],
                Polarity = [.. polarity[j]],
                Coverage = Share(counts[j, 0], n),
                Overlaps = Share(counts[j, 1], n),
                Conflicts = Share(counts[j, 2], n),
                Correct = gold is null ? null : counts[j, 3],
                Incorrect = gold is null ? null : counts[j, 4],
                EmpiricalAccuracy = gold is null || judged == 0 ? null : (double)counts[j, 3] / judged,
            });
        }

        return new LabelingFunctionAnalysis(n, Share(covered, n), rows);
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}
