using System.Globalization;
using System.Text;

namespace MlValue.Cleaning;

/// <summary>Totals and per-step counts of a cleaning run; renders as Markdown.</summary>
public sealed class CleaningReport
{
    /// <summary>Creates the report of a cleaning run (for cleaners other than the built-in one).</summary>
    /// <param name="input">The records read, nulls included.</param>
    /// <param name="clean">The records that passed every rule.</param>
    /// <param name="transforms">What each transform changed or rejected, in order.</param>
    /// <param name="rules">What each rule evaluated and rejected, in order.</param>
    /// <param name="nullRecords">The null records, quarantined before any rule.</param>
    public CleaningReport(long input, long clean, IReadOnlyList<StepCount> transforms, IReadOnlyList<StepCount> rules, long nullRecords)
    {
        Input = input;
        Clean = clean;
        Transforms = transforms;
        Rules = rules;
        NullRecords = nullRecords;
    }

    /// <summary>The name under which null records of the input are quarantined: <c>record-not-null</c>.</summary>
    public const string NullRecordRule = "record-not-null";

    /// <summary>How many records were read.</summary>
    public long Input { get; }

    /// <summary>How many records came out clean.</summary>
    public long Clean { get; }

    /// <summary>How many records were quarantined; always <see cref="Input"/> − <see cref="Clean"/>.</summary>
    public long Quarantined => Input - Clean;

    /// <summary>How many input records were null (quarantined under <see cref="NullRecordRule"/>).</summary>
    public long NullRecords { get; }

    /// <summary>Per transform, in the order they ran.</summary>
    public IReadOnlyList<StepCount> Transforms { get; }

    /// <summary>Per rule, in the order they ran.</summary>
    public IReadOnlyList<StepCount> Rules { get; }

    /// <summary>Renders the report as Markdown: totals, then a table of transforms and one of rules.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder("## Cleaning report\n\n");
        var share = Input == 0 ? 0 : (double)Quarantined / Input;
        md.Append(CultureInfo.InvariantCulture, $"| input | clean | quarantined | quarantined share |\n|---:|---:|---:|---:|\n| {Input} | {Clean} | {Quarantined} | {ValueText.Percent(share)} |\n\n");
        if (NullRecords > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"{NullRecords} null records were quarantined under `{NullRecordRule}`.\n\n");
        }

        md.Append("### Transforms (run first)\n\n");
        if (Transforms.Count == 0)
        {
            md.Append("None.\n\n");
        }
        else
        {
            md.Append("| transform | kind | evaluated | changed | could not fix |\n|---|---|---:|---:|---:|\n");
            foreach (var t in Transforms)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {ValueText.Cell(t.Name)} | {t.Kind} | {t.Evaluated} | {t.Changed} | {t.Rejected} |\n");
            }

            md.Append('\n');
        }

        md.Append("### Rules (first broken rule quarantines)\n\n");
        if (Rules.Count == 0)
        {
            return md.Append("None.\n").ToString();
        }

        md.Append("| rule | kind | evaluated | rejected |\n|---|---|---:|---:|\n");
        foreach (var r in Rules)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {ValueText.Cell(r.Name)} | {r.Kind} | {r.Evaluated} | {r.Rejected} |\n");
        }

        return md.ToString();
    }
}
