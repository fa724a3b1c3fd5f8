using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Runs;

internal static class RunRecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, Options);

    public static RunRecord Deserialize(string json)
        => JsonSerializer.Deserialize<RunRecord>(json, Options) ?? throw new RunStoreException("A stored run record is empty; the run store file is damaged.");

    public static RunRecord NewRecord(string loopName, long sequence, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt)
    {
        var runId = $"run-{sequence:D6}";
        return new RunRecord
        {
            RunId = runId,
            LoopName = loopName,
            RunKey = runKey ?? runId,
            Reason = reason,
            Status = RunStatus.Pending,
            StartedAt = startedAt,
            Steps = [.. stepNames.Select(n => new StepRecord { Name = n, Status = RunStatus.Pending })],
        };
    }
}
