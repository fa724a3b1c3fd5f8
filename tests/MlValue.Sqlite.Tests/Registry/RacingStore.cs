using MlValue.Registry;

namespace MlValue.Tests.Registry;

/// <summary>An artifact store that runs <see cref="AfterWrite"/> once, right after the next blob write returns.</summary>
internal sealed class RacingStore(IArtifactStore inner) : IArtifactStore
{
    public Func<Task>? AfterWrite { get; set; }

    public async Task<string> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = await inner.WriteAsync(content, cancellationToken);
        if (AfterWrite is { } race)
        {
            AfterWrite = null;
            await race();
        }

        return sha256;
    }

    public Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default) => inner.ReadAsync(sha256, cancellationToken);

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => inner.ExistsAsync(sha256, cancellationToken);

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default) => inner.DeleteAsync(sha256, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
}
