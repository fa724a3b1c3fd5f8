using System.Collections.Concurrent;

namespace MlValue.Data;

/// <summary>An <see cref="ICheckpointStore"/> that keeps checkpoints in memory: for tests and for sources that live as long as the process.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, string> _checkpoints = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<string?> LoadAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        SourceName.Validate(sourceName);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_checkpoints.TryGetValue(sourceName, out var value) ? value : null);
    }

    /// <inheritdoc/>
    public Task SaveAsync(string sourceName, string checkpoint, CancellationToken cancellationToken = default)
    {
        SourceName.Validate(sourceName);
        ArgumentNullException.ThrowIfNull(checkpoint);
        cancellationToken.ThrowIfCancellationRequested();
        _checkpoints[sourceName] = checkpoint;
        return Task.CompletedTask;
    }
}
