using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlValue.Annotation;
using MlValue.AspNetCore.Dashboard;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Labelling;

/// <summary>
/// The labelling page of one queue: the next task for the signed-in person with its fields, pre-label and the labeling
/// functions' votes, a button per class (keys 1–9), abstain (a) and skip (s); each answer saved through the queue's
/// idempotent submit; a status view with answers per person and their agreement.
/// </summary>
internal sealed partial class LabellingPage<TItem, TLabel>
    where TLabel : notnull
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions LabelJson = new(JsonSerializerDefaults.Web);
    private readonly string _pattern;
    private readonly IReadOnlyList<LabelChoice<TLabel>> _choices;
    private readonly IReadOnlyList<LabelingFunction<TItem, TLabel>> _functions;

    public LabellingPage(string pattern, IReadOnlyList<LabelChoice<TLabel>> choices, IReadOnlyList<LabelingFunction<TItem, TLabel>> functions)
    {
        _pattern = pattern;
        _choices = choices;
        _functions = functions;
    }

    public Task NextAsync(HttpContext context) => RenderAsync(context, async (queue, options, user) =>
    {
        var after = context.Request.Query["after"].ToString();
        var task = await queue.GetNextTaskAsync(user, options.AnswersPerTask, after.Length == 0 ? null : after, context.RequestAborted).ConfigureAwait(false);
        var notice = context.Request.Query["saved"].ToString() switch
        {
            "added" => "Saved your answer.",
            "updated" => "Saved your answer; it replaces the one you gave before.",
            "unchanged" => "You had given this answer already; nothing changed.",
            _ => null,
        };
        if (task is null)
        {
            return ("Nothing to label", $"<p class=\"notice\" role=\"status\" data-empty=\"true\">No task is waiting for you, {E(user)}: every task has your answer or its {options.AnswersPerTask} answer(s). <a href=\"{Base(context)}/status\">See the queue's status</a>.</p>\n", notice);
        }

        return ($"Task {task.Position} of {task.QueueLength}", TaskHtml(context, task), notice);
    });

    public Task AnswerAsync(HttpContext context) => RenderAsync(context, async (queue, options, user) =>
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            throw new DashboardRequestException(400, "Answer refused", "The answer did not come from this page (its anti-forgery token is missing, expired or for another user): reload the page and answer again.");
        }

        var taskId = context.Request.RouteValues["taskId"]?.ToString() ?? string.Empty;
        if (await queue.GetTaskAsync(taskId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            throw new DashboardRequestException(404, "Unknown task", $"The queue has no task '{taskId}'; the answer was not kept.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        AnswerOutcome outcome;
        if (form["abstain"].ToString() == "1")
        {
            outcome = await queue.SubmitAbstainAsync(taskId, user, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            var text = form["choice"].ToString();
            if (!int.TryParse(text, NumberStyles.None, C, out var index) || index >= _choices.Count)
            {
                throw new DashboardRequestException(400, "Bad answer", text.Length == 0
                    ? "The form field 'choice' is missing: press one of the class buttons, or abstain."
                    : $"The form field 'choice' is '{text}', not one of the {_choices.Count} classes (0 to {_choices.Count - 1}).");
            }

            outcome = await queue.SubmitAnswerAsync(taskId, user, _choices[index].Value, 1, context.RequestAborted).ConfigureAwait(false);
        }

        LogAnswer(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MlValue.AspNetCore.Labelling"), user, taskId, outcome);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{context.Request.PathBase}{_pattern}/?saved={outcome.ToString().ToLowerInvariant()}";
        return null;
    });

    public Task StatusAsync(HttpContext context) => RenderAsync(context, async (queue, options, _) =>
    {
        var status = await queue.GetStatusAsync(context.RequestAborted).ConfigureAwait(false);
        var answers = await queue.GetAnswersAsync<TLabel>(context.RequestAborted).ConfigureAwait(false);
        var perTask = answers.GroupBy(a => a.ItemId, StringComparer.Ordinal).ToList();
        var done = perTask.Count(g => g.Count() >= options.AnswersPerTask);
        var sb = new StringBuilder();
        sb.Append(Facts(
            ("tasks", Int(status.Tasks)),
            ("done", $"<span data-count=\"done\">{done}</span> (with {options.AnswersPerTask} answer(s) or more)"),
            ("open", $"<span data-count=\"open\">{status.Tasks - done}</span>"),
            ("answers", $"<span data-count=\"answers\">{status.Answers}</span>")));
        sb.Append("<h2>Answers per person</h2>\n");
        if (status.AnswersByAnnotator.Count == 0)
        {
            sb.Append("<p class=\"muted\">No answer yet.</p>\n");
        }
        else
        {
            sb.Append("<table data-table=\"annotators\"><thead><tr><th>person</th><th class=\"num\">answers</th><th class=\"num\">abstains</th></tr></thead><tbody>\n");
            foreach (var (person, count) in status.AnswersByAnnotator)
            {
                sb.Append(C, $"<tr><td>{E(person)}</td><td class=\"num\">{count}</td><td class=\"num\">{answers.Count(a => a.AnnotatorId == person && a.IsAbstain)}</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        sb.Append("<h2>Agreement</h2>\n").Append(AgreementHtml(answers, status.AnswersByAnnotator.Keys.ToList()));
        sb.Append("<h2>Labels by majority vote</h2>\n");
        var votes = LabelAggregator.MajorityVote(answers);
        sb.Append("<table data-table=\"labels\"><thead><tr><th>class</th><th class=\"num\">tasks</th></tr></thead><tbody>\n");
        foreach (var choice in _choices)
        {
            sb.Append(C, $"<tr><td>{E(choice.Name)}</td><td class=\"num\">{votes.Count(v => !v.IsAbstain && EqualityComparer<TLabel>.Default.Equals(v.Label, choice.Value))}</td></tr>\n");
        }

        sb.Append(C, $"<tr><td>no majority (tie or abstain)</td><td class=\"num\">{votes.Count(v => v.IsAbstain)}</td></tr>\n</tbody></table>\n");
        return ("Queue status", sb.ToString(), null);
    });

    private static string AgreementHtml(IReadOnlyList<Annotation<TLabel>> answers, IReadOnlyList<string> people)
    {
        var shared = answers.Where(a => !a.IsAbstain).GroupBy(a => a.ItemId, StringComparer.Ordinal).Count(g => g.Count() > 1);
        if (shared == 0)
        {
            return "<p class=\"muted\" data-agreement=\"none\">Agreement is shown once a task has labels from two people.</p>\n";
        }

        var (method, kappa) = people.Count == 2
            ? ("Cohen's κ", Agreement.CohensKappa(answers.Where(a => a.AnnotatorId == people[0]), answers.Where(a => a.AnnotatorId == people[1])))
            : ("Fleiss' κ", Agreement.FleissKappa(answers));
        return $"<p data-agreement=\"{Number(kappa.Kappa)}\">{E(method)} <strong>{E(Number(kappa.Kappa))}</strong> over {kappa.Items} task(s) labelled by more than one person (observed agreement {E(Number(kappa.ObservedAgreement))}, by chance {E(Number(kappa.ExpectedAgreement))}).</p>\n";
    }

    private string TaskHtml(HttpContext context, QueuedTask task)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<LabellingOptions>>().Value;
        var sb = new StringBuilder();
        sb.Append(C, $"<section class=\"item\" data-task=\"{E(task.TaskId)}\"><p class=\"muted\">item <code>{E(task.ItemId)}</code>, {task.Answers} answer(s) so far</p>");
        sb.Append(ItemHtml(task.Item, options.FoldAfter)).Append("</section>\n");
        if (task.SuggestedLabel is { } suggested)
        {
            sb.Append(C, $"<p class=\"hint\" data-hint=\"prelabel\">Pre-label: <strong>{E(LabelName(suggested))}</strong> with confidence {E(Number(task.SuggestedConfidence))}{(task.SuggestedBy is { Length: > 0 } by ? $", by {E(by)}" : string.Empty)}</p>\n");
        }

        if (_functions.Count > 0)
        {
            sb.Append(VotesHtml(task));
        }

        sb.Append(C, $"<form method=\"post\" action=\"{Base(context)}/tasks/{U(task.TaskId)}\" data-form=\"answer\">{AntiforgeryField(context)}<div class=\"choices\">");
        for (var i = 0; i < _choices.Count; i++)
        {
            sb.Append(C, $"<button type=\"submit\" name=\"choice\" value=\"{i}\" data-key=\"{i + 1}\"><kbd>{i + 1}</kbd> {E(_choices[i].Name)}</button>");
        }

        sb.Append("<button type=\"submit\" class=\"abstain\" name=\"abstain\" value=\"1\" data-key=\"a\"><kbd>a</kbd> cannot tell</button>");
        sb.Append(C, $"</div></form>\n<p><a href=\"{Base(context)}/?after={U(task.TaskId)}\" data-key=\"s\"><kbd>s</kbd> skip for now</a> <span class=\"muted\">— a skipped task comes back after the others</span></p>\n");
        return sb.ToString();
    }

    private string VotesHtml(QueuedTask task)
    {
        TItem item;
        try
        {
            item = task.ItemAs<TItem>();
        }
        catch (AnnotationException error)
        {
            return $"<p class=\"error\">The labeling functions cannot read this item: {E(error.Message)}</p>\n";
        }

        var sb = new StringBuilder("<table data-table=\"votes\"><thead><tr><th>labeling function</th><th>vote</th></tr></thead><tbody>");
        foreach (var function in _functions)
        {
            var vote = function.Apply(item);
            sb.Append(C, $"<tr><td>{E(function.Name)}</td><td>{(vote.IsAbstain ? "<span class=\"muted\">abstains</span>" : $"{E(Name(vote.Label!))} <span class=\"muted\">({E(Number(vote.Confidence))})</span>")}</td></tr>");
        }

        return sb.Append("</tbody></table>\n").ToString();
    }

    private static string ItemHtml(JsonElement item, int foldAfter)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Value(item, foldAfter);
        }

        var sb = new StringBuilder("<dl>");
        foreach (var property in item.EnumerateObject())
        {
            sb.Append(C, $"<dt>{E(property.Name)}</dt><dd data-field=\"{E(property.Name)}\">{Value(property.Value, foldAfter)}</dd>");
        }

        return sb.Append("</dl>").ToString();
    }

    /// <summary>A value as text, never as markup; long text folded behind its beginning.</summary>
    private static string Value(JsonElement value, int foldAfter)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.Null => "—",
            _ => value.GetRawText(),
        };
        return text.Length <= foldAfter
            ? $"<div class=\"text\">{E(text)}</div>"
            : $"<details><summary><span class=\"text\">{E(text[..foldAfter])}</span>… <span class=\"muted\">({text.Length.ToString("N0", C)} characters: open to read all)</span></summary><div class=\"text\">{E(text)}</div></details>";
    }

    private string LabelName(JsonElement label)
    {
        try
        {
            return label.Deserialize<TLabel>(LabelJson) is { } value ? Name(value) : label.GetRawText();
        }
        catch (JsonException)
        {
            return label.GetRawText();
        }
    }

    private string Name(TLabel label)
        => _choices.FirstOrDefault(c => EqualityComparer<TLabel>.Default.Equals(c.Value, label))?.Name ?? Convert.ToString(label, C) ?? string.Empty;

    private static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    private string Base(HttpContext context) => E(context.Request.PathBase.Value + _pattern);

    /// <summary>Runs a handler for the signed-in person; it returns the page (title, body, notice) or null when it answered itself.</summary>
    private async Task RenderAsync(HttpContext context, Func<AnnotationTaskQueue, LabellingOptions, string, Task<(string Title, string Body, string? Notice)?>> handle)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<LabellingOptions>>().Value;
        var navigation = $"<a href=\"{Base(context)}/\">Next task</a> <a href=\"{Base(context)}/status\">Status</a>";
        try
        {
            var user = context.User.Identity?.Name;
            if (string.IsNullOrWhiteSpace(user))
            {
                throw new DashboardRequestException(403, "No user name", "Your sign-in carries no user name, and an answer is kept under the name of who gave it: sign in with an account that has one (ClaimTypes.Name).");
            }

            var queue = context.RequestServices.GetRequiredService<AnnotationTaskQueue>();
            if (await handle(queue, options, user).ConfigureAwait(false) is { } page)
            {
                await DashboardRoutes.SendAsync(context, 200, Page(options.Title, page.Title, Base(context), page.Body, page.Notice, $"{Base(context)}/assets/labelling.js", navigation), Policy).ConfigureAwait(false);
            }
        }
        catch (DashboardRequestException error)
        {
            var body = $"<p class=\"error\" role=\"alert\" data-status=\"{error.Status}\">{E(error.Message)}</p>\n";
            await DashboardRoutes.SendAsync(context, error.Status, Page(options.Title, error.Title, Base(context), body, navigation: navigation), Policy).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Labelling: {User} answered task {TaskId} ({Outcome}).")]
    private static partial void LogAnswer(ILogger logger, string user, string taskId, AnswerOutcome outcome);
}
