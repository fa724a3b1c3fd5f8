using MlValue.Internal;

namespace MlValue.State;

/// <summary>
/// An <see cref="IStateStore"/> in memory, for tests and for several components of one process that share state:
/// thread-safe compare-and-swap, copies in and out (a caller's buffer can change afterwards), nothing kept after the process.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<string, StateEntry> _documents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<StateEntry?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        StateKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue(key, out var entry) ? entry with { Content = entry.Content.ToArray() } : null);
        }
    }

    /// <inheritdoc />
    public Task<long?> TrySaveAsync(string key, ReadOnlyMemory<byte> content, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        StateKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var current = _documents.TryGetValue(key, out var entry) ? entry.Revision : (long?)null;
            if (current != expectedRevision)
            {
                return Task.FromResult<long?>(null);
            }

            var revision = (current ?? 0) + 1;
            _documents[key] = new StateEntry(content.ToArray(), revision);
            return Task.FromResult<long?>(revision);
        }
    }
}
