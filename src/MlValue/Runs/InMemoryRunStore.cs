namespace MlValue.Runs;

/// <summary>A run store in memory, for tests and for applications that need no history across restarts.</summary>
public sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock _gate = new();
    private readonly List<string> _records = [];
    private readonly Dictionary<string, (string Holder, DateTimeOffset ExpiresAt)> _leases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<RunRecord> CreateAsync(string loopName, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var sequence = All().Count(r => r.LoopName == loopName) + 1;
            var record = RunRecord.CreatePending(loopName, sequence, runKey, reason, stepNames, startedAt);
            _records.Add(RunRecordJson.Serialize(record));
            return Task.FromResult(record);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var index = All().FindIndex(r => r.LoopName == record.LoopName && r.RunId == record.RunId);
            if (index < 0)
            {
                throw new RunStoreException($"Run {record.RunId} of loop '{record.LoopName}' does not exist; create it with CreateAsync first.");
            }

            _records[index] = RunRecordJson.Serialize(record);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindByKeyAsync(string loopName, string runKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(All().Find(r => r.LoopName == loopName && r.RunKey == runKey));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string loopName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RunRecord>>(All().FindAll(r => r.LoopName == loopName));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListLoopsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. All().Select(r => r.LoopName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireLeaseAsync(string loopName, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(loopName, out var lease) && lease.Holder != holder && lease.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _leases[loopName] = (holder, now + duration);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseLeaseAsync(string loopName, string holder, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(loopName, out var lease) && lease.Holder == holder)
            {
                _leases.Remove(loopName);
            }
        }

        return Task.CompletedTask;
    }

    // Records are kept serialised, as a durable store would, so callers never share mutable state.
    private List<RunRecord> All() => _records.ConvertAll(RunRecordJson.Deserialize);
}
