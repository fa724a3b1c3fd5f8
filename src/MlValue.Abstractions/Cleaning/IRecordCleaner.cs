namespace MlValue.Cleaning;

/// <summary>
/// The seam of the cleaning stage: runs transforms then rules over records and splits them into
/// clean records and a quarantine, never losing one (<c>clean + quarantined == input</c>).
/// Build the default with <c>CleaningRules&lt;T&gt;</c>. Cleaning is CPU-bound and streams
/// its input once, so it is synchronous.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public interface IRecordCleaner<T>
    where T : class
{
    /// <summary>Cleans <paramref name="records"/>, naming each record's source position with <paramref name="positionOf"/>.</summary>
    /// <param name="records">The records, read once.</param>
    /// <param name="positionOf">
    /// Gives the source position of a record (for example <c>"mails.jsonl:12"</c>) from the record and its zero-based
    /// index; called only for quarantined records. <see langword="null"/> uses the index.
    /// </param>
    /// <param name="cancellationToken">Stops the run between records.</param>
    /// <returns>Clean records in input order, the quarantine and the report.</returns>
    CleaningResult<T> Clean(IEnumerable<T?> records, Func<T?, long, string>? positionOf, CancellationToken cancellationToken = default);
}
