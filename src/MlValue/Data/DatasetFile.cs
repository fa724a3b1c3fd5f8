using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Data;

/// <summary>
/// The stored form of a dataset: gzip of UTF-8 JSON lines, a header line (format, id, row count,
/// record type, provenance) then one line per record. Read back, the rows are hashed again and must
/// give the id asked for.
/// </summary>
internal static class DatasetFile
{
    public const string Format = "mlvalue.dataset-file.v1";

    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static bool IsId(string? id)
        => id is { Length: 35 } && id.StartsWith("ds-", StringComparison.Ordinal) && id.AsSpan(3).ContainsAnyExcept("0123456789abcdef") is false;

    public static string CheckId(string datasetId)
    {
        ArgumentNullException.ThrowIfNull(datasetId);
        return IsId(datasetId)
            ? datasetId
            : throw new DatasetException($"'{datasetId}' is not a dataset content id: expected 'ds-' and 32 lower-case hex digits, as Dataset<T>.Id gives.");
    }

    public static async Task WriteAsync<T>(Stream destination, Dataset<T> dataset, CancellationToken cancellationToken)
        where T : class, new()
    {
        var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            var header = new Header { Format = Format, Id = dataset.Id, Count = dataset.Count, RecordType = typeof(T).FullName ?? typeof(T).Name, Provenance = dataset.Provenance };
            await JsonSerializer.SerializeAsync(gzip, header, Json, cancellationToken).ConfigureAwait(false);
            gzip.WriteByte((byte)'\n');
            foreach (var record in dataset.AsEnumerable())
            {
                cancellationToken.ThrowIfCancellationRequested();
                JsonSerializer.Serialize(gzip, record, Json);
                gzip.WriteByte((byte)'\n');
            }
        }
    }

    /// <summary>Reads the header then streams the records; <paramref name="fail"/> makes the exception for damage.</summary>
    public static (Header Header, IEnumerable<T> Records) Read<T>(Stream source, Func<string, Exception?, Exception> fail)
    {
        var reader = new StreamReader(new GZipStream(source, CompressionMode.Decompress), new UTF8Encoding(false, throwOnInvalidBytes: true));
        Header header;
        try
        {
            var line = reader.ReadLine() ?? throw fail("the content is empty", null);
            header = JsonSerializer.Deserialize<Header>(line, Json) ?? throw fail("the header line is JSON null", null);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or DecoderFallbackException or IOException)
        {
            reader.Dispose();
            throw fail("the header cannot be read (" + e.Message + ")", e);
        }

        if (header.Format != Format)
        {
            reader.Dispose();
            throw fail($"the format is '{header.Format}', not '{Format}'", null);
        }

        return (header, Records<T>(reader, header, fail));
    }

    private static IEnumerable<T> Records<T>(StreamReader reader, Header header, Func<string, Exception?, Exception> fail)
    {
        using (reader)
        {
            long row = 0;
            while (true)
            {
                string? line;
                T? record;
                try
                {
                    line = reader.ReadLine();
                    record = line is null ? default : JsonSerializer.Deserialize<T>(line, Json);
                }
                catch (Exception e) when (e is JsonException or InvalidDataException or DecoderFallbackException or IOException or NotSupportedException)
                {
                    throw fail($"row {row} (0-based) cannot be read ({e.Message})", e);
                }

                if (line is null)
                {
                    break;
                }

                if (record is null)
                {
                    throw fail($"row {row} (0-based) is JSON null", null);
                }

                row++;
                yield return record;
            }

            if (row != header.Count)
            {
                throw fail($"it holds {row} rows, not the {header.Count} its header records (truncated?)", null);
            }
        }
    }

    internal sealed class Header
    {
        public required string Format { get; init; }

        public required string Id { get; init; }

        public required long Count { get; init; }

        public required string RecordType { get; init; }

        public required DatasetProvenance Provenance { get; init; }
    }
}
