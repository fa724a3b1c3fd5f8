namespace MlValue.Cleaning;

/// <summary>The outcome of a cleaning run: clean records, the quarantine and the report.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CleaningResult<T>
    where T : class
{
    internal CleaningResult(IReadOnlyList<T> clean, Quarantine<T> quarantine, CleaningReport report)
    {
        Clean = clean;
        Quarantine = quarantine;
        Report = report;
    }

    /// <summary>The records that passed every transform and rule, in input order.</summary>
    public IReadOnlyList<T> Clean { get; }

    /// <summary>The rejected records with rule, reason and position; together with <see cref="Clean"/> exactly the input.</summary>
    public Quarantine<T> Quarantine { get; }

    /// <summary>Counts per transform and rule, and totals.</summary>
    public CleaningReport Report { get; }
}
