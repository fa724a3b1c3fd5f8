using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Runs;

/// <summary>
/// The one JSON form of a <see cref="RunRecord"/>, shared by every run store that keeps records as
/// text: property names as declared, enums as their names, <see langword="null"/> values left out.
/// The form is stable: a record written by one store version is read by the next, so a store may keep
/// the text as it is (the SQLite store keeps it in one column).
/// </summary>
public static class RunRecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes a run record as JSON.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, Options);
    }

    /// <summary>Reads a run record written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="RunStoreException">The text is JSON <c>null</c> (the store's data is damaged).</exception>
    /// <exception cref="JsonException">The text is not run-record JSON.</exception>
    public static RunRecord Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<RunRecord>(json, Options)
            ?? throw new RunStoreException("A stored run record is empty; the run store's data is damaged. Restore it from a backup, or delete the run's row to forget the run.");
    }
}
