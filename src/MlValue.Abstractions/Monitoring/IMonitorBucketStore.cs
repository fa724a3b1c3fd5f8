namespace MlValue.Monitoring;

/// <summary>
/// Where the serving replicas of one monitor share their event-time buckets: each replica upserts its own serialised
/// buckets, and any replica reads every replica's buckets of a time range to merge them into its windows (the
/// bucket sketches are mergeable, so the merge equals one monitor fed every replica's records). One row per
/// (monitor, bucket start, replica) is the bound; <see cref="DeleteOlderThanAsync"/> is the retention.
/// </summary>
public interface IMonitorBucketStore
{
    /// <summary>Saves buckets of one monitor, each replacing the row of the same bucket start and replica (an upsert).</summary>
    /// <param name="monitor">The monitor name.</param>
    /// <param name="buckets">The buckets; the payload is opaque to the store.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when every bucket is stored.</returns>
    Task SaveAsync(string monitor, IReadOnlyList<StoredMonitorBucket> buckets, CancellationToken cancellationToken = default);

    /// <summary>Every replica's buckets of <paramref name="monitor"/> whose start lies in [<paramref name="from"/>, <paramref name="to"/>), ordered by start, then replica.</summary>
    /// <param name="monitor">The monitor name.</param>
    /// <param name="from">The earliest bucket start (inclusive).</param>
    /// <param name="to">The latest bucket start (exclusive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored buckets.</returns>
    Task<IReadOnlyList<StoredMonitorBucket>> ReadAsync(string monitor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes every replica's buckets of <paramref name="monitor"/> that start before <paramref name="cutoff"/>.</summary>
    /// <param name="monitor">The monitor name.</param>
    /// <param name="cutoff">The earliest bucket start kept.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The number of buckets deleted.</returns>
    Task<int> DeleteOlderThanAsync(string monitor, DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
