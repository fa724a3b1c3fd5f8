using System.Globalization;
using System.Text;

namespace MlValue.Serving;

/// <summary>A snapshot of what a predictor serves and what happened to it.</summary>
public sealed class ServingStatus
{
    /// <summary>The model name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The arms, primary first.</summary>
    public required IReadOnlyList<ServingSlotStatus> Slots { get; init; }

    /// <summary>Successful swaps since start.</summary>
    public required long Swaps { get; init; }

    /// <summary>Failed refreshes since start (registry errors, corrupt artifacts, unknown formats, load errors).</summary>
    public required long SwapFailures { get; init; }

    /// <summary>Shadow answers that disagreed with the primary.</summary>
    public required long ShadowDisagreements { get; init; }

    /// <summary>Shadow predictions that threw (the request still succeeded).</summary>
    public required long ShadowFailures { get; init; }

    /// <summary>The most recent swap log entries (at most 100), oldest first.</summary>
    public required IReadOnlyList<ServingEvent> Events { get; init; }

    /// <summary>Renders the status as Markdown (invariant culture, UTC times).</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Serving status: {ModelName}\n\n");
        text.Append("| arm | alias | version | loaded at |\n|---|---|---|---|\n");
        foreach (var slot in Slots)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Name(slot.Arm)} | {slot.Alias} | {Version(slot.Version)} | {Time(slot.LoadedAt)} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n| swaps | swap failures | shadow disagreements | shadow failures |\n|---|---|---|---|\n| {Swaps} | {SwapFailures} | {ShadowDisagreements} | {ShadowFailures} |\n");
        text.Append("\n## Swap log\n\n| time | arm | alias | from | to | outcome |\n|---|---|---|---|---|---|\n");
        foreach (var entry in Events)
        {
            var outcome = entry.Succeeded ? "swapped" : "failed: " + entry.Error.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
            text.Append(CultureInfo.InvariantCulture, $"| {Time(entry.Timestamp)} | {Name(entry.Arm)} | {entry.Alias} | {Version(entry.FromVersion)} | {Version(entry.ToVersion)} | {outcome} |\n");
        }

        return text.ToString();
    }

    private static string Name(ServingArm arm) => arm switch
    {
        ServingArm.Canary => "canary",
        ServingArm.Shadow => "shadow",
        _ => "primary",
    };

    private static string Version(int? version) => version?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Time(DateTimeOffset? time)
        => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "–";
}
