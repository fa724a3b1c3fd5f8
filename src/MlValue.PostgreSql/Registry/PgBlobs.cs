using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using MlValue.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MlValue.Registry;

/// <summary>
/// Blobs (artifacts and attachments) as rows of PostgreSQL: one <c>blobs</c> row per SHA-256 (its size and chunk
/// count) and its bytes in <c>blob_chunks</c> rows of at most <see cref="ChunkSize"/> bytes each, so no statement
/// carries a whole model and no read buffers more than one chunk beyond the result. Identical content is stored once;
/// writing content that is already stored checks each stored chunk's SHA-256 on the server and rewrites the damaged ones.
/// </summary>
internal static class PgBlobs
{
    /// <summary>1 MiB: large enough that a model is a few hundred rows, small enough for one buffer per row.</summary>
    public const int ChunkSize = 1 << 20;

    private const string InsertBlob = "INSERT INTO blobs (sha256, size, chunk_count, created_at) VALUES (@sha, @size, @count, @created) ON CONFLICT (sha256) DO NOTHING;";

    private const string InsertChunk = "INSERT INTO blob_chunks (sha256, chunk_index, data) VALUES (@sha, @index, @data) ON CONFLICT (sha256, chunk_index) DO UPDATE SET data = excluded.data;";

    private const string ChunkDigests = "SELECT chunk_index, sha256(data) FROM blob_chunks WHERE sha256 = @sha ORDER BY chunk_index;";

    private const string FixBlob = "UPDATE blobs SET size = @size, chunk_count = @count WHERE sha256 = @sha AND (size <> @size OR chunk_count <> @count);";

    private const string DropExtraChunks = "DELETE FROM blob_chunks WHERE sha256 = @sha AND chunk_index >= @count;";

    private const string ReadChunks = """
        SELECT b.size, c.chunk_index, octet_length(c.data), c.data
        FROM blobs b LEFT JOIN blob_chunks c ON c.sha256 = b.sha256
        WHERE b.sha256 = @sha
        ORDER BY c.chunk_index;
        """;

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores <paramref name="content"/> under <paramref name="sha256"/> (its hash) in the caller's transaction, or repairs the stored copy.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sha256, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = (content.Length + ChunkSize - 1) / ChunkSize;
        var inserted = await PgCommands.ExecuteAsync(
            connection, transaction, InsertBlob, cancellationToken,
            ("sha", sha256), ("size", (long)content.Length), ("count", count), ("created", now)).ConfigureAwait(false);
        if (inserted == 1)
        {
            for (var index = 0; index < count; index++)
            {
                await WriteChunkAsync(connection, transaction, sha256, index, Chunk(content, index), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // Already stored: keep the chunks whose SHA-256 matches, rewrite the others (damage, or an interrupted repair).
        var stored = (await PgCommands.ListAsync(connection, transaction, ChunkDigests, r => (Index: r.GetInt32(0), Digest: r.GetFieldValue<byte[]>(1)), cancellationToken, ("sha", sha256)).ConfigureAwait(false))
            .ToDictionary(c => c.Index, c => c.Digest);
        for (var index = 0; index < count; index++)
        {
            var chunk = Chunk(content, index);
            if (!stored.TryGetValue(index, out var digest) || !digest.AsSpan().SequenceEqual(SHA256.HashData(chunk.Span)))
            {
                await WriteChunkAsync(connection, transaction, sha256, index, chunk, cancellationToken).ConfigureAwait(false);
            }
        }

        await PgCommands.ExecuteAsync(connection, transaction, DropExtraChunks, cancellationToken, ("sha", sha256), ("count", count)).ConfigureAwait(false);
        await PgCommands.ExecuteAsync(connection, transaction, FixBlob, cancellationToken, ("sha", sha256), ("size", (long)content.Length), ("count", count)).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a blob chunk by chunk into one array of its recorded size, hashing as it goes, and verifies it. When
    /// <paramref name="expectedLength"/> is given, a blob recorded with another size is refused before any chunk is read.
    /// </summary>
    /// <exception cref="ArtifactIntegrityException">The blob is missing, holds another number of bytes, or its bytes do not hash to <paramref name="sha256"/>.</exception>
    public static async Task<byte[]> ReadAsync(NpgsqlConnection connection, string sha256, long? expectedLength, CancellationToken cancellationToken)
    {
        var command = PgCommands.Create(connection, null, ReadChunks, ("sha", sha256));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw Damaged(sha256, null, "the blob is missing");
                }

                var size = reader.GetInt64(0);
                if (expectedLength is { } expected && size != expected)
                {
                    throw Damaged(sha256, null, Invariant($"the blob is recorded with {size} bytes, not the {expected} expected"));
                }

                if (size > Array.MaxLength)
                {
                    throw Damaged(sha256, null, Invariant($"the blob is recorded with {size} bytes, more than one array can hold"));
                }

                var bytes = new byte[size];
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long offset = 0;
                var next = 0;
                do
                {
                    if (await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false))
                    {
                        break; // a blob row without chunks
                    }

                    var index = reader.GetInt32(1);
                    var length = reader.GetInt32(2);
                    if (index != next)
                    {
                        throw Damaged(sha256, null, Invariant($"chunk {next} is missing"));
                    }

                    if (offset + length > size)
                    {
                        throw Damaged(sha256, null, Invariant($"the chunks hold more than the {size} bytes recorded"));
                    }

                    var read = reader.GetBytes(3, 0, bytes, (int)offset, length);
                    hash.AppendData(bytes, (int)offset, (int)read);
                    offset += read;
                    next++;
                }
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

                if (offset != size)
                {
                    throw Damaged(sha256, null, Invariant($"the chunks hold {offset} bytes, not the {size} recorded"));
                }

                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                return string.Equals(actual, sha256, StringComparison.Ordinal)
                    ? bytes
                    : throw Damaged(sha256, actual, null);
            }
        }
    }

    private static ReadOnlyMemory<byte> Chunk(ReadOnlyMemory<byte> content, int index)
    {
        var start = index * ChunkSize;
        return content.Slice(start, Math.Min(ChunkSize, content.Length - start));
    }

    private static Task<int> WriteChunkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sha256, int index, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        => PgCommands.ExecuteAsync(connection, transaction, InsertChunk, cancellationToken, ("sha", sha256), ("index", index), ("data", new PgTyped(NpgsqlDbType.Bytea, chunk)));

    private static ArtifactIntegrityException Damaged(string sha256, string? actual, string? problem)
        => new($"The blob {sha256} in PostgreSQL failed verification: {(actual is null ? problem : "its bytes hash to " + actual)}.") { ExpectedSha256 = sha256, ActualSha256 = actual, Problem = problem };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
