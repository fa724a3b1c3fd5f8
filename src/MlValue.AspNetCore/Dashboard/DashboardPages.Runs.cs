using System.Text;
using MlValue.Runs;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

internal static partial class DashboardPages
{
    public static async Task<string?> LoopAsync(DashboardView view, string loop)
    {
        if (view.Runs is null || !view.LoopNames.Contains(loop, StringComparer.Ordinal))
        {
            return null;
        }

        var runs = (await view.Runs.ListAsync(loop, view.Aborted).ConfigureAwait(false)).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(Facts(
            ("runs", Int(runs.Count)),
            ("defined here", view.LoopDefinitions.Any(l => l.Name == loop) ? "yes: a failed run can be resumed from this page" : "no: its runs are only shown")));
        if (runs.Count == 0)
        {
            sb.Append("<p class=\"muted\">This loop has not run yet.</p>\n");
        }
        else
        {
            sb.Append("<table data-table=\"runs\"><thead><tr><th>run</th><th>status</th><th class=\"num\">attempts</th><th>reason</th><th>started</th><th>ended</th><th>steps</th></tr></thead><tbody>\n");
            foreach (var run in runs.Take(view.Options.MaxRuns))
            {
                var done = run.Steps.Count(s => s.Status is RunStatus.Succeeded or RunStatus.Skipped);
                sb.Append(C, $"<tr><td><a href=\"{view.Link("loops", loop, "runs", run.RunId)}\">{E(run.RunId)}</a></td><td>{RunBadge(run.Status)}</td><td class=\"num\">{run.Attempts}</td><td>{E(run.Reason)}</td><td>{Time(run.StartedAt)}</td><td>{Time(run.EndedAt)}</td><td>{done} of {run.Steps.Count} done</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
            if (runs.Count > view.Options.MaxRuns)
            {
                sb.Append(C, $"<p class=\"muted\">The {view.Options.MaxRuns} latest of {runs.Count} runs (MlValue:Dashboard:MaxRuns).</p>\n");
            }
        }

        return Page(view.Options.Title, $"Loop {loop}", view.BasePath, sb.ToString());
    }

    public static async Task<string?> RunAsync(DashboardView view, string loop, string runId, string? notice)
    {
        if (await FindRunAsync(view, loop, runId).ConfigureAwait(false) is not { } run)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.Append(Facts(
            ("loop", $"<a href=\"{view.Link("loops", loop)}\">{E(loop)}</a>"),
            ("status", RunBadge(run.Status)),
            ("attempts", Int(run.Attempts)),
            ("reason", E(run.Reason)),
            ("key", $"<code>{E(run.RunKey)}</code>"),
            ("started", Time(run.StartedAt)),
            ("ended", Time(run.EndedAt)),
            ("abandoned", run.AbandonedReason is { Length: > 0 } why ? $"{E(why)}{(run.SupersededBy is { Length: > 0 } by ? $" — superseded by <a href=\"{view.Link("loops", loop, "runs", by)}\">{E(by)}</a>" : string.Empty)}" : "—")));
        if (view.CanWrite && run.Status == RunStatus.Failed && view.LoopDefinitions.Any(l => l.Name == loop))
        {
            sb.Append(C, $"<form class=\"inline\" data-form=\"resume\" method=\"post\" action=\"{view.Link("loops", loop, "runs", run.RunId, "resume")}\">{view.AntiforgeryField()}");
            sb.Append("<label>reason <input type=\"text\" name=\"reason\" required maxlength=\"500\"></label><button type=\"submit\">Resume from the failed step</button></form>\n");
        }

        sb.Append("<h2>Steps</h2>\n<table data-table=\"steps\"><thead><tr><th>step</th><th>status</th><th class=\"num\">attempts</th><th>started</th><th>ended</th><th>inputs</th><th>outputs</th><th>error</th></tr></thead><tbody>\n");
        foreach (var step in run.Steps)
        {
            sb.Append(C, $"<tr><td>{E(step.Name)}</td><td>{RunBadge(step.Status)}</td><td class=\"num\">{step.Attempts}</td><td>{Time(step.StartedAt)}</td><td>{Time(step.EndedAt)}</td><td>{Pairs(step.Inputs.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())))}</td><td>{Pairs(step.Outputs.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())))}</td><td>{(step.Error is { Length: > 0 } error ? $"<span class=\"error-text\">{E(error)}</span>" : "—")}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        sb.Append("<h2>Attempts</h2>\n");
        var attempts = run.Steps.SelectMany(s => s.AttemptLog.Select(a => (Step: s.Name, Attempt: a))).OrderBy(x => x.Attempt.StartedAt).ToList();
        if (attempts.Count == 0)
        {
            sb.Append("<p class=\"muted\">No attempt was recorded.</p>\n");
        }
        else
        {
            sb.Append("<table data-table=\"attempts\"><thead><tr><th>step</th><th class=\"num\">attempt</th><th>worker</th><th>started</th><th>ended</th><th>error</th></tr></thead><tbody>\n");
            foreach (var (step, attempt) in attempts)
            {
                sb.Append(C, $"<tr><td>{E(step)}</td><td class=\"num\">{attempt.Number}</td><td><code>{E(attempt.Worker)}</code>{(attempt.JobId is { Length: > 0 } job ? $" <span class=\"muted\">job {E(job)}</span>" : string.Empty)}</td><td>{Time(attempt.StartedAt)}</td><td>{Time(attempt.EndedAt)}</td><td>{(attempt.Error is { Length: > 0 } error ? E(error) : "—")}</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        if (run.Triggers.Count > 0)
        {
            sb.Append("<h2>Firings</h2>\n<table data-table=\"firings\"><thead><tr><th>fired at</th><th>trigger</th><th>reason</th><th>inputs</th></tr></thead><tbody>\n");
            foreach (var firing in run.Triggers)
            {
                sb.Append(C, $"<tr><td>{Time(firing.FiredAt)}</td><td>{E(firing.Trigger ?? "direct call")}</td><td>{E(firing.Reason)}</td><td>{(firing.InputsKey is { Length: > 0 } key ? $"<code>{E(key)}</code>" : "—")}</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        return Page(view.Options.Title, $"Run {run.RunId}", view.BasePath, sb.ToString(), notice);
    }

    public static async Task<RunRecord?> FindRunAsync(DashboardView view, string loop, string runId)
    {
        if (view.Runs is null || !view.LoopNames.Contains(loop, StringComparer.Ordinal))
        {
            return null;
        }

        var runs = await view.Runs.ListAsync(loop, view.Aborted).ConfigureAwait(false);
        return runs.FirstOrDefault(r => string.Equals(r.RunId, runId, StringComparison.Ordinal));
    }

    private static async Task LoopsTableAsync(DashboardView view, StringBuilder sb)
    {
        var loops = view.LoopNames;
        if (view.Runs is null || loops.Count == 0)
        {
            sb.Append("<p class=\"muted\">No loop is defined here (add one with AddLoop, or name one in MlValue:Dashboard:Loops).</p>\n");
            return;
        }

        sb.Append("<table data-table=\"loops\"><thead><tr><th>loop</th><th class=\"num\">runs</th><th>latest run</th><th>status</th><th>started</th></tr></thead><tbody>\n");
        foreach (var loop in loops)
        {
            var runs = await view.Runs.ListAsync(loop, view.Aborted).ConfigureAwait(false);
            var latest = runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).FirstOrDefault();
            sb.Append(C, $"<tr><td><a href=\"{view.Link("loops", loop)}\">{E(loop)}</a></td><td class=\"num\">{runs.Count}</td>");
            sb.Append(latest is null
                ? "<td>—</td><td>—</td><td>—</td></tr>\n"
                : $"<td><a href=\"{view.Link("loops", loop, "runs", latest.RunId)}\">{E(latest.RunId)}</a></td><td>{RunBadge(latest.Status)}</td><td>{Time(latest.StartedAt)}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
    }

    private static string RunBadge(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Status("succeeded", "ok"),
        RunStatus.Failed => Status("failed", "bad"),
        RunStatus.Running => Status("running", "info"),
        RunStatus.Skipped => Status("skipped", string.Empty),
        RunStatus.Abandoned => Status("abandoned", "warn"),
        _ => Status("pending", "warn"),
    };
}
