using System.Globalization;
using System.Text;

namespace MlValue.Runs;

/// <summary>One run of a loop, recorded step by step.</summary>
public sealed record RunRecord
{
    /// <summary>The run's id (<c>run-</c> + loop-local sequence number).</summary>
    public required string RunId { get; init; }

    /// <summary>The loop's name.</summary>
    public required string LoopName { get; init; }

    /// <summary>The idempotency key: a run with the same key that succeeded is not run again.</summary>
    public required string RunKey { get; init; }

    /// <summary>Why the run started (the trigger's reason).</summary>
    public required string Reason { get; init; }

    /// <summary>The run's status.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>When the run was first started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run last ended, or <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>How many times the run was started (1, plus one per resume).</summary>
    public int Attempts { get; init; }

    /// <summary>The data the run is for (the <see cref="TriggerDecision.InputsKey"/> of the firing that started it), or <see langword="null"/>.</summary>
    public string? InputsKey { get; init; }

    /// <summary>Every trigger firing (or direct call) that started or resumed the run, oldest first; the first one started it.</summary>
    public IReadOnlyList<TriggerFiring> Triggers { get; init; } = [];

    /// <summary>Why the run was abandoned (status <see cref="RunStatus.Abandoned"/>), or <see langword="null"/>.</summary>
    public string? AbandonedReason { get; init; }

    /// <summary>The run that superseded this one, or <see langword="null"/>.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>The steps, in the order of the loop definition.</summary>
    public required IReadOnlyList<StepRecord> Steps { get; init; }

    /// <summary>
    /// A new run as every store creates it: id <c>run-</c> + the six-digit loop-local
    /// <paramref name="sequence"/>, the key defaulting to that id, and every step pending.
    /// </summary>
    /// <param name="loopName">The loop's name.</param>
    /// <param name="sequence">The run's loop-local sequence number, from 1.</param>
    /// <param name="runKey">The idempotency key, or <see langword="null"/> to use the run id.</param>
    /// <param name="reason">Why the run starts.</param>
    /// <param name="stepNames">The loop's steps, in order.</param>
    /// <param name="startedAt">When the run starts.</param>
    /// <returns>The pending run.</returns>
    public static RunRecord CreatePending(string loopName, long sequence, string? runKey, string reason, IReadOnlyList<string> stepNames, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(stepNames);
        var runId = string.Create(CultureInfo.InvariantCulture, $"run-{sequence:D6}");
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

    /// <summary>
    /// Renders the run as Markdown: its status and reason, one table row per step with its status, times
    /// and references, the trigger firings that started and resumed it, and every attempt of every step
    /// with its worker and error.
    /// </summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# Run {RunId} of loop `{LoopName}`\n\n");
        sb.Append(c, $"- status: **{Status}** after {Attempts} attempt(s)\n");
        sb.Append(c, $"- reason: {Reason}\n");
        sb.Append(c, $"- key: `{RunKey}`\n");
        if (InputsKey is not null)
        {
            sb.Append(c, $"- inputs: `{InputsKey}`\n");
        }

        if (AbandonedReason is not null)
        {
            sb.Append(c, $"- abandoned: {Escape(AbandonedReason)}\n");
        }

        sb.Append(c, $"- started: {StartedAt:u}; ended: {(EndedAt is { } e ? e.ToString("u", c) : "—")}\n\n");
        sb.Append("| step | status | attempts | started | ended | inputs | outputs | error |\n");
        sb.Append("|---|---|---:|---|---|---|---|---|\n");
        foreach (var s in Steps)
        {
            sb.Append(c, $"| {s.Name} | {s.Status} | {s.Attempts} | {Time(s.StartedAt)} | {Time(s.EndedAt)} | {Ids(s.Inputs)} | {Ids(s.Outputs)} | {Escape(s.Error)} |\n");
        }

        if (Triggers.Count > 0)
        {
            sb.Append("\nTrigger firings:\n\n| fired | trigger | reason | inputs |\n|---|---|---|---|\n");
            foreach (var t in Triggers)
            {
                sb.Append(c, $"| {t.FiredAt:u} | {t.Trigger ?? "(direct call)"} | {Escape(t.Reason)} | {Escape(t.InputsKey)} |\n");
            }
        }

        if (Steps.Any(s => s.AttemptLog.Count > 0))
        {
            sb.Append("\nAttempts:\n\n| step | # | worker | started | ended | error |\n|---|---:|---|---|---|---|\n");
            foreach (var s in Steps)
            {
                foreach (var a in s.AttemptLog)
                {
                    sb.Append(c, $"| {s.Name} | {a.Number} | {Escape(a.Worker)} | {Time(a.StartedAt)} | {Time(a.EndedAt)} | {Escape(a.Error)} |\n");
                }
            }
        }

        return sb.ToString();
    }

    private static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    private static string Ids(IReadOnlyDictionary<string, StepReference> ids)
        => ids.Count == 0 ? "—" : string.Join("<br>", ids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Escape(p.Value.ToString())}"));

    private static string Escape(string? text)
        => string.IsNullOrEmpty(text) ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
