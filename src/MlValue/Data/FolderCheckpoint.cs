using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Data;

/// <summary>
/// The checkpoint of a folder source: per file name, the bytes and lines consumed. A file whose
/// length equals its consumed bytes is done; a longer file has appended lines; an unknown file is new.
/// </summary>
internal sealed class FolderCheckpoint
{
    public SortedDictionary<string, FileMark> Files { get; init; } = new(StringComparer.Ordinal);

    public static FolderCheckpoint Parse(string sourceName, string? text)
    {
        if (text is null)
        {
            return new FolderCheckpoint();
        }

        try
        {
            var files = JsonSerializer.Deserialize<SortedDictionary<string, FileMark>>(text);
            if (files is null || files.Values.Any(m => m is null || m.Bytes < 0 || m.Lines < 0))
            {
                throw new JsonException("The checkpoint has no file map or a negative position.");
            }

            return new FolderCheckpoint { Files = new SortedDictionary<string, FileMark>(files, StringComparer.Ordinal) };
        }
        catch (JsonException e)
        {
            throw new DataSourceException($"The checkpoint of folder source '{sourceName}' is not valid ({e.Message}). It was written by another kind of source or damaged: delete it from the checkpoint store to read the folder from the start, or give this source another name.", e);
        }
    }

    public string Serialize() => JsonSerializer.Serialize(Files);
}

/// <summary>How much of one file a folder source has consumed.</summary>
internal sealed class FileMark
{
    /// <summary>Bytes consumed from the start of the file.</summary>
    public long Bytes { get; set; }

    /// <summary>Physical lines consumed (including a CSV header).</summary>
    public long Lines { get; set; }

    /// <summary>The file length at which a problem that leaves the file unread was reported, so it is reported once per file state; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Reported { get; set; }
}
