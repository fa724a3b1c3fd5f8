using MlValue.Internal;
using Npgsql;

namespace MlValue.Registry;

/// <summary>
/// The registry's blob tables seen through <see cref="IArtifactStore"/> (what <c>UsePostgreSql()</c> registers as that
/// service): content-addressed, chunked, deduplicated, verified on every read. The PostgreSQL registry writes its blobs
/// in its own registration transaction rather than through this seam, so a version and its blobs commit together.
/// </summary>
internal sealed class PostgreSqlArtifactStore(PgDatabase database) : IArtifactStore
{
    public async Task<string> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var sha256 = PgBlobs.Sha256(content.Span);
        await UseAsync(
            async (connection, transaction, token) =>
            {
                await PgBlobs.WriteAsync(connection, transaction!, sha256, content, database.Time.GetUtcNow(), token).ConfigureAwait(false);
                return 0;
            },
            transaction: true,
            cancellationToken,
            nameof(WriteAsync)).ConfigureAwait(false);
        return sha256;
    }

    public Task<byte[]> ReadAsync(string sha256, CancellationToken cancellationToken = default)
        => UseAsync((connection, _, token) => PgBlobs.ReadAsync(connection, sha256, null, token), transaction: false, cancellationToken, nameof(ReadAsync));

    public Task<byte[]> ReadBoundedAsync(string sha256, long expectedLength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        return UseAsync((connection, _, token) => PgBlobs.ReadAsync(connection, sha256, expectedLength, token), transaction: false, cancellationToken, nameof(ReadBoundedAsync));
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
        => UseAsync(async (connection, _, token) => await PgCommands.ScalarAsync(connection, null, RegistrySql.BlobExists, token, ("sha", sha256)).ConfigureAwait(false) is not null, transaction: false, cancellationToken, nameof(ExistsAsync));

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
        => UseAsync(async (connection, _, token) => await PgCommands.ExecuteAsync(connection, null, RegistrySql.DeleteBlob, token, ("sha", sha256)).ConfigureAwait(false) > 0, transaction: false, cancellationToken, nameof(DeleteAsync));

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
        => await UseAsync((connection, _, token) => PgCommands.ListAsync(connection, null, RegistrySql.ListBlobs, r => r.GetString(0), token), transaction: false, cancellationToken, nameof(ListAsync)).ConfigureAwait(false);

    private Task<T> UseAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, CancellationToken, Task<T>> work, bool transaction, CancellationToken cancellationToken, string operation)
        => database.RunAsync(work, transaction, "artifact store", operation, (message, error) => new RegistryStoreException(message, error)
        {
            StorePath = database.Server + ";Schema=" + database.Schema,
            Operation = operation,
        }, cancellationToken);
}
