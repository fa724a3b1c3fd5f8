using System.Globalization;
using System.Text;
using MlValue.AspNetCore.Internal;
using MlValue.Evaluation;
using MlValue.Registry;
using MlValue.Serving;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

/// <summary>The dashboard's pages: each reads what it shows through the seams and renders HTML with every value encoded.</summary>
internal static partial class DashboardPages
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task<string> OverviewAsync(DashboardView view)
    {
        var versions = await view.Registry.SearchAsync(new ModelQuery { IncludeArchived = true }, view.Aborted).ConfigureAwait(false);
        var names = versions.Select(v => v.ModelName).Concat(view.Models.All.Select(m => m.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("<h2>Models</h2>\n");
        if (names.Count == 0)
        {
            sb.Append("<p class=\"muted\">No model is registered yet.</p>\n");
        }
        else
        {
            sb.Append("<table data-table=\"models\"><thead><tr><th>model</th><th class=\"num\">versions</th><th>latest</th><th>aliases</th><th>serving</th><th>monitor</th></tr></thead><tbody>\n");
            foreach (var name in names)
            {
                var own = versions.Where(v => v.ModelName == name).ToList();
                var latest = own.MaxBy(v => v.Version);
                var mapped = view.Models.Find(name);
                var status = mapped?.GetStatus();
                var aliases = await CurrentAliasesAsync(view, name, status).ConfigureAwait(false);
                sb.Append(C, $"<tr><td><a href=\"{view.Link("models", name)}\">{E(name)}</a></td><td class=\"num\">{own.Count}</td>");
                sb.Append(C, $"<td>{(latest is null ? "—" : $"{Version(latest.Version)} <span class=\"muted\">{Time(latest.CreatedAt)}</span>")}</td>");
                sb.Append(C, $"<td>{(aliases.Count == 0 ? "—" : string.Join(", ", aliases.Select(a => $"{E(a.Alias)} → {Version(a.Version)}")))}</td>");
                sb.Append(C, $"<td>{Serving(status)}</td>");
                sb.Append(C, $"<td>{(mapped?.HasMonitor == true ? $"<a href=\"{view.Link("monitors", name)}\">windows</a>" : "—")}</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>Loops</h2>\n");
        await LoopsTableAsync(view, sb).ConfigureAwait(false);
        return Page(view.Options.Title, "Overview", view.BasePath, sb.ToString());
    }

    public static async Task<string?> ModelAsync(DashboardView view, string name, string? notice)
    {
        var versions = await view.Registry.SearchAsync(new ModelQuery { ModelName = name, IncludeArchived = true }, view.Aborted).ConfigureAwait(false);
        var mapped = view.Models.Find(name);
        if (versions.Count == 0 && mapped is null)
        {
            return null;
        }

        var status = mapped?.GetStatus();
        var sb = new StringBuilder();
        sb.Append(Facts(
            ("versions", Int(versions.Count)),
            ("serving", Serving(status)),
            ("monitor", mapped?.HasMonitor == true ? $"<a href=\"{view.Link("monitors", name)}\">monitor windows and charts</a>" : "—")));

        sb.Append("<h2>Aliases</h2>\n");
        var shown = 0;
        foreach (var alias in await AliasNamesAsync(view, name, status).ConfigureAwait(false))
        {
            var history = await view.Registry.GetAliasHistoryAsync(name, alias, view.Aborted).ConfigureAwait(false);
            if (history.Count == 0)
            {
                continue;
            }

            shown++;
            var current = history[^1].ToVersion;
            sb.Append(C, $"<section class=\"alias\" data-alias=\"{E(alias)}\"><h3>{E(alias)} → <span data-current=\"{current}\">{Version(current)}</span></h3>\n");
            if (view.CanWrite)
            {
                sb.Append(WriteForms(view, name, alias, current, history, versions));
            }

            sb.Append("<table data-table=\"alias-history\"><thead><tr><th>moved at</th><th>from</th><th>to</th><th>reason</th></tr></thead><tbody>\n");
            foreach (var move in history.Reverse())
            {
                sb.Append(C, $"<tr><td>{Time(move.MovedAt)}</td><td>{VersionLink(view, name, move.FromVersion)}</td><td>{VersionLink(view, name, move.ToVersion)}</td><td>{E(move.Reason)}</td></tr>\n");
            }

            sb.Append("</tbody></table></section>\n");
        }

        if (shown == 0)
        {
            sb.Append("<p class=\"muted\">No alias of this model has been set yet.</p>\n");
        }

        sb.Append("<h2>Versions</h2>\n");
        sb.Append("<table data-table=\"versions\"><thead><tr><th>version</th><th>created</th><th>trainer</th><th>metrics</th><th>parent</th><th>promotion decision</th><th>tags</th></tr></thead><tbody>\n");
        foreach (var version in versions.OrderByDescending(v => v.Version))
        {
            var decision = await DecisionAsync(view, version).ConfigureAwait(false);
            sb.Append(C, $"<tr{(version.Archived ? " class=\"muted\"" : string.Empty)}><td>{VersionLink(view, name, version.Version)}{(version.Archived ? " <span class=\"badge\">archived</span>" : string.Empty)}</td>");
            sb.Append(C, $"<td>{Time(version.CreatedAt)}</td><td>{E(version.TrainerName)}</td><td>{Metrics(version.Metrics, 4)}</td><td>{VersionLink(view, name, version.ParentVersion)}</td>");
            sb.Append(C, $"<td>{(decision is null ? "—" : $"{Verdict(decision)} {E(decision.ToSummary())}")}</td><td>{Pairs(version.Tags)}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        return Page(view.Options.Title, $"Model {name}", view.BasePath, sb.ToString(), notice);
    }

    public static async Task<string?> VersionAsync(DashboardView view, string name, int number)
    {
        var version = await view.Registry.GetVersionAsync(name, number, view.Aborted).ConfigureAwait(false);
        if (version is null)
        {
            return null;
        }

        var all = await view.Registry.SearchAsync(new ModelQuery { ModelName = name, IncludeArchived = true }, view.Aborted).ConfigureAwait(false);
        var sb = new StringBuilder();
        sb.Append(Facts(
            ("model", $"<a href=\"{view.Link("models", name)}\">{E(name)}</a>"),
            ("created", Time(version.CreatedAt)),
            ("trainer", E(version.TrainerName)),
            ("format", $"<code>{E(version.FormatId)}</code>"),
            ("artifact", $"<code>{E(version.ArtifactSha256)}</code> ({Number(version.ArtifactSize)} bytes)"),
            ("seed", version.Seed is { } seed ? Int(seed) : "—"),
            ("code version", E(version.CodeVersion)),
            ("hyperparameters", Pairs(version.Hyperparameters)),
            ("tags", Pairs(version.Tags)),
            ("archived", version.Archived ? "yes" : "no")));

        sb.Append("<h2>Lineage</h2>\n<ol class=\"lineage\" data-list=\"lineage\">");
        var byNumber = all.ToDictionary(v => v.Version);
        var seen = new HashSet<int>();
        for (ModelVersion? step = version; step is not null && seen.Add(step.Version); step = step.ParentVersion is { } p ? byNumber.GetValueOrDefault(p) : null)
        {
            sb.Append(C, $"<li>{VersionLink(view, name, step.Version)} <span class=\"muted\">{Time(step.CreatedAt)}, {E(step.TrainerName)}</span>{(step.ParentVersion is { } parent && !byNumber.ContainsKey(parent) ? $" ← v{parent} (no longer registered)" : string.Empty)}</li>");
        }

        sb.Append("</ol>\n");
        var children = all.Where(v => v.ParentVersion == number).OrderBy(v => v.Version).ToList();
        sb.Append(Facts(
            ("trained on", Ids(version.TrainingDatasetIds)),
            ("evaluated on", Ids(version.EvaluationDatasetIds)),
            ("children", children.Count == 0 ? "—" : string.Join(", ", children.Select(c => VersionLink(view, name, c.Version))))));

        sb.Append("<h2>Metrics</h2>\n").Append(MetricsTable(version.Metrics));
        sb.Append("<h2>Promotion decision</h2>\n");
        var decision = await DecisionAsync(view, version).ConfigureAwait(false);
        sb.Append(decision is null ? "<p class=\"muted\">No promotion decision is attached to this version.</p>\n" : DecisionHtml(decision));
        return Page(view.Options.Title, $"{name} {Version(number)}", view.BasePath, sb.ToString());
    }

    private static string DecisionHtml(PromotionDecision decision)
    {
        var sb = new StringBuilder();
        sb.Append(C, $"<div class=\"decision {(decision.Promote ? "promote" : "reject")}\" data-decision=\"{(decision.Promote ? "promote" : "reject")}\"><p class=\"summary\">{Verdict(decision)} {E(decision.ToSummary())}</p>");
        sb.Append(Facts(
            ("challenger", E(decision.Challenger)),
            ("champion", E(decision.Champion ?? "none")),
            ("baseline", E(decision.Baseline ?? "none")),
            ("holdout", $"{Int(decision.HoldoutCount)} rows{(decision.DatasetId is { } id ? $" of <code>{E(id)}</code>" : string.Empty)}"),
            ("decided", Time(decision.DecidedAt)),
            ("reason", E(decision.Reason))));
        sb.Append("<table data-table=\"checks\"><thead><tr><th>check</th><th>metric</th><th>slice</th><th class=\"num\">challenger</th><th class=\"num\">champion</th><th class=\"num\">baseline</th><th class=\"num\">threshold</th><th>outcome</th><th>detail</th></tr></thead><tbody>\n");
        foreach (var check in decision.Checks)
        {
            var outcome = check.Outcome switch
            {
                CheckOutcome.Passed => Status("passed", "ok"),
                CheckOutcome.Failed => Status("failed", "bad"),
                _ => Status("skipped", string.Empty),
            };
            var slice = check.Segment is null ? "—" : E(check.Slice is null ? check.Segment : $"{check.Segment} = {check.Slice}");
            sb.Append(C, $"<tr><td>{E(CheckName(check.Kind))}</td><td>{E(check.Metric ?? "—")}</td><td>{slice}</td><td class=\"num\">{Number(check.Challenger)}</td><td class=\"num\">{Number(check.Champion)}</td><td class=\"num\">{Number(check.Baseline)}</td><td class=\"num\">{Number(check.Threshold)}</td><td>{outcome}</td><td>{E(check.SkipReason ?? check.Detail)}</td></tr>\n");
        }

        return sb.Append("</tbody></table></div>\n").ToString();
    }

    private static string WriteForms(DashboardView view, string name, string alias, int current, IReadOnlyList<AliasMove> history, IReadOnlyList<ModelVersion> versions)
    {
        var sb = new StringBuilder();
        var token = view.AntiforgeryField();
        if (history.Count > 1)
        {
            sb.Append(C, $"<form class=\"inline\" data-form=\"rollback\" method=\"post\" action=\"{view.Link("models", name, "aliases", alias, "rollback")}\">{token}");
            sb.Append(C, $"<label>reason <input type=\"text\" name=\"reason\" required maxlength=\"500\" placeholder=\"why {E(alias)} goes back\"></label><button class=\"danger\" type=\"submit\">Roll back {E(alias)}</button></form>\n");
        }

        var targets = versions.Where(v => !v.Archived && v.Version != current).OrderByDescending(v => v.Version).ToList();
        if (targets.Count > 0)
        {
            sb.Append(C, $"<form class=\"inline\" data-form=\"move\" method=\"post\" action=\"{view.Link("models", name, "aliases", alias, "move")}\">{token}<input type=\"hidden\" name=\"expected\" value=\"{current}\">");
            sb.Append("<label>version <select name=\"version\">");
            foreach (var target in targets)
            {
                sb.Append(C, $"<option value=\"{target.Version}\">{Version(target.Version)}</option>");
            }

            sb.Append(C, $"</select></label><label>reason <input type=\"text\" name=\"reason\" required maxlength=\"500\"></label><button type=\"submit\">Move {E(alias)}</button></form>\n");
        }

        return sb.ToString();
    }

    private static async Task<IReadOnlyList<(string Alias, int Version)>> CurrentAliasesAsync(DashboardView view, string name, ServingStatus? status)
    {
        List<(string, int)> aliases = [];
        foreach (var alias in await AliasNamesAsync(view, name, status).ConfigureAwait(false))
        {
            if (await view.Registry.GetByAliasAsync(name, alias, view.Aborted).ConfigureAwait(false) is { } version)
            {
                aliases.Add((alias, version.Version));
            }
        }

        return aliases;
    }

    /// <summary>The aliases the registry lists (when it can), the configured ones (default <c>champion</c>) and the served ones.</summary>
    private static async Task<IReadOnlyList<string>> AliasNamesAsync(DashboardView view, string name, ServingStatus? status)
    {
        var listed = view.Registry is IModelRegistryMaintenance maintenance
            ? (await maintenance.GetAliasesAsync(name, view.Aborted).ConfigureAwait(false)).Keys
            : [];
        return [.. (view.Options.Aliases.Count == 0 ? ["champion"] : view.Options.Aliases)
            .Concat(status?.Slots.Select(s => s.Alias) ?? [])
            .Concat(listed.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    private static async Task<PromotionDecision?> DecisionAsync(DashboardView view, ModelVersion version)
    {
        if (!version.Attachments.ContainsKey(PromotionDecision.AttachmentName))
        {
            return null;
        }

        var bytes = await view.Registry.LoadAttachmentAsync(version.ModelName, version.Version, PromotionDecision.AttachmentName, view.Aborted).ConfigureAwait(false);
        return bytes is null ? null : PromotionDecision.FromJson(Encoding.UTF8.GetString(bytes));
    }

    private static string Serving(ServingStatus? status)
        => status is null ? "<span class=\"muted\">not served here</span>"
            : string.Join("<br>", status.Slots.Select(s => s.Version is { } v
                ? $"{E(Responses.Arm(s.Arm))} {E(s.Alias)} {Status(Version(v), "ok")} <span class=\"muted\">since {Time(s.LoadedAt)}</span>"
                : $"{E(Responses.Arm(s.Arm))} {E(s.Alias)} {Status("not loaded", "bad")}"));

    private static string Verdict(PromotionDecision decision) => decision.Promote ? Status("promoted", "ok") : Status("rejected", "bad");

    private static string VersionLink(DashboardView view, string name, int? version)
        => version is { } v ? $"<a href=\"{view.Link("models", name, "versions", v.ToString(C))}\">{Version(v)}</a>" : "—";

    private static string Metrics(IReadOnlyDictionary<string, double> metrics, int most)
        => metrics.Count == 0 ? "—"
            : string.Join(", ", metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(most).Select(m => $"{E(m.Key)} {Number(m.Value)}")) + (metrics.Count > most ? ", …" : string.Empty);

    private static string MetricsTable(IReadOnlyDictionary<string, double> metrics)
    {
        if (metrics.Count == 0)
        {
            return "<p class=\"muted\">No metric was recorded.</p>\n";
        }

        var sb = new StringBuilder("<table data-table=\"metrics\"><thead><tr><th>metric</th><th class=\"num\">value</th></tr></thead><tbody>");
        foreach (var (key, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            sb.Append(C, $"<tr><td>{E(key)}</td><td class=\"num\">{Number(value)}</td></tr>");
        }

        return sb.Append("</tbody></table>\n").ToString();
    }

    private static string CheckName(CheckKind kind) => kind switch
    {
        CheckKind.Threshold => "threshold",
        CheckKind.ImprovementOverChampion => "improvement over champion",
        CheckKind.BeatsBaseline => "beats baseline",
        CheckKind.SliceRegression => "slice regression",
        CheckKind.BaselineRequired => "baseline required",
        _ => kind.ToString(),
    };
}
