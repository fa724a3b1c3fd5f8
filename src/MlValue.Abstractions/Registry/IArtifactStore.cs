namespace MlValue.Registry;

/// <summary>
/// Content-addressed blob storage for artifacts and attachments: a blob's address is the
/// lower-case hex SHA-256 of its bytes, so equal content is stored once and never overwritten.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes crash-safely (or reuses an identical stored blob) and returns their SHA-256.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write leaves no visible blob.</param>
    /// <returns>The lower-case hex SHA-256, the blob's address.</returns>
    Task<string> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob and verifies its SHA-256.</summary>
    /// <param name="sha256">The blob's address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verified bytes.</returns>
    /// <exception cref="ArtifactIntegrityException">The blob is missing or its bytes do not match the address.</exception>
    Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob is stored under this address (its content is not verified).</summary>
    /// <param name="sha256">The blob's address.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; used by garbage collection only.</summary>
    /// <param name="sha256">The blob's address.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when a blob was deleted.</returns>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Lists the addresses of every stored blob, in ordinal order.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The addresses.</returns>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);
}
