namespace MlValue.Runs;

/// <summary>Keeps run records and the one-run-per-loop lease. Default: SQLite under the MlValue root folder.</summary>
public interface IRunStore
{
    /// <summary>Creates a new run with the next run number of the loop, all steps pending.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="runKey">The idempotency key, or <see langword="null"/> to use the run id.</param>
    /// <param name="reason">Why it runs.</param>
    /// <param name="stepNames">The steps, in order.</param>
    /// <param name="startedAt">When it starts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new record.</returns>
    Task<RunRecord> CreateAsync(string loopName, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>Saves a record (atomically replaces the stored record of the same run id).</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveAsync(RunRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds the run of a loop with the given idempotency key.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="runKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    Task<RunRecord?> FindByKeyAsync(string loopName, string runKey, CancellationToken cancellationToken = default);

    /// <summary>Lists a loop's runs, oldest first.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<RunRecord>> ListAsync(string loopName, CancellationToken cancellationToken = default);

    /// <summary>Lists the names of the loops that have runs, in ordinal order (what a garbage collector walks).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The loop names.</returns>
    Task<IReadOnlyList<string>> ListLoopsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes (or renews) the loop's lease for <paramref name="holder"/> when nobody holds it, its holder
    /// is the same, or the current lease expired (a crashed holder loses it on expiry).
    /// </summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="holder">A unique id of the caller.</param>
    /// <param name="now">The time now.</param>
    /// <param name="duration">How long the lease lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller holds the lease now.</returns>
    Task<bool> TryAcquireLeaseAsync(string loopName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease back, if <paramref name="holder"/> holds it.</summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="holder">The holder's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task ReleaseLeaseAsync(string loopName, string holder, CancellationToken cancellationToken = default);
}
