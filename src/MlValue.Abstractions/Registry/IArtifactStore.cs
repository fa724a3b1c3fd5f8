using System.Globalization;

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

    /// <summary>
    /// Reads a blob whose size is known (a registry records it with each version) and verifies its
    /// length and SHA-256, so a damaged or replaced blob can never make a read unbounded. A store
    /// should refuse a blob of another size before reading it and read no more than
    /// <paramref name="expectedLength"/> bytes plus one; the default reads the whole blob with
    /// <see cref="ReadAsync(string, CancellationToken)"/> and then compares its length, so a store
    /// that does not override it is correct but not bounded.
    /// </summary>
    /// <param name="sha256">The blob's address.</param>
    /// <param name="expectedLength">The blob's size in bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verified bytes.</returns>
    /// <exception cref="ArtifactIntegrityException">The blob is missing, holds another number of bytes, or its bytes do not match the address.</exception>
    async Task<byte[]> ReadBoundedAsync(string sha256, long expectedLength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        var bytes = await ReadAsync(sha256, cancellationToken).ConfigureAwait(false);
        if (bytes.LongLength != expectedLength)
        {
            var problem = string.Create(CultureInfo.InvariantCulture, $"the blob holds {bytes.LongLength} bytes, not the {expectedLength} recorded");
            throw new ArtifactIntegrityException($"The blob {sha256} cannot be used: {problem}.") { ExpectedSha256 = sha256, Problem = problem };
        }

        return bytes;
    }

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
