namespace MlValue.Cleaning;

/// <summary>The outcome of a cleaning run: clean records, the quarantine and the report.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CleaningResult<T>
    where T : class
{
    /// <summary>Creates the result of a cleaning run; <c>clean + quarantined == input</c> is the caller's promise.</summary>
    /// <param name="clean">The records that passed, in input order.</param>
    /// <param name="quarantine">The rejected records with their reasons.</param>
    /// <param name="report">The per-step counts.</param>
    public CleaningResult(IReadOnlyList<T> clean, Quarantine<T> quarantine, CleaningReport report)
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
