using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlValue.Registry;
using MlValue.Runs;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

/// <summary>
/// The dashboard's routes: read-only pages, its stylesheet and icon, and, only with a write policy, the three write
/// routes behind that policy and an anti-forgery check.
/// </summary>
internal static partial class DashboardRoutes
{
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private const int MaxReasonLength = 500;

    public static void Map(RouteGroupBuilder group, string pattern, DashboardOptions options)
    {
        var pages = new Pages(pattern);
        group.MapGet("/assets/dashboard.css", context => AssetAsync(context, "text/css; charset=utf-8", DashboardAssets.Css));
        group.MapGet("/assets/icon.svg", context => AssetAsync(context, "image/svg+xml", DashboardAssets.Icon));
        group.MapGet("/", pages.Overview);
        group.MapGet("/models/{name}", pages.Model);
        group.MapGet("/models/{name}/versions/{version}", pages.Version);
        group.MapGet("/monitors/{name}", pages.Monitor);
        group.MapGet("/loops/{loop}", pages.Loop);
        group.MapGet("/loops/{loop}/runs/{runId}", pages.Run);
        if (options.WritePolicy is { } policy)
        {
            var writes = group.MapGroup(string.Empty).RequireAuthorization(policy);
            writes.MapPost("/models/{name}/aliases/{alias}/rollback", pages.Rollback);
            writes.MapPost("/models/{name}/aliases/{alias}/move", pages.Move);
            writes.MapPost("/loops/{loop}/runs/{runId}/resume", pages.Resume);
        }
    }

    internal static async Task PageAsync(HttpContext context, string pattern, Func<DashboardView, Task<string?>> render)
    {
        DashboardView? view = null;
        try
        {
            view = await DashboardView.CreateAsync(context, pattern).ConfigureAwait(false);
            var html = await render(view).ConfigureAwait(false);
            if (html is null)
            {
                throw new DashboardRequestException(404, "Not found", $"Nothing is recorded at '{context.Request.Path}': the model, version, monitor, loop or run is not known to this app. Start again from the overview.");
            }

            await SendAsync(context, 200, html).ConfigureAwait(false);
        }
        catch (DashboardRequestException rejected)
        {
            await ErrorAsync(context, view, pattern, rejected).ConfigureAwait(false);
        }
    }

    internal static async Task WriteAsync(HttpContext context, string pattern, Func<DashboardView, IFormCollection, Task<string>> write)
    {
        DashboardView? view = null;
        try
        {
            view = await DashboardView.CreateAsync(context, pattern).ConfigureAwait(false);
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                throw new DashboardRequestException(400, "Form refused", "The form did not come from this page (its anti-forgery token is missing, expired or for another user): reload the page and submit it again.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var location = await write(view, form).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = location;
        }
        catch (DashboardRequestException rejected)
        {
            await ErrorAsync(context, view, pattern, rejected).ConfigureAwait(false);
        }
    }

    internal static async Task<string> RollbackAsync(DashboardView view, IFormCollection form)
    {
        var (name, alias) = (Route(view.Http, "name"), Route(view.Http, "alias"));
        var reason = Reason(form);
        await KnownAliasAsync(view, name, alias).ConfigureAwait(false);
        try
        {
            var move = await view.Registry.RollbackAliasAsync(name, alias, Recorded(view, reason), view.Aborted).ConfigureAwait(false);
            LogWrite(Logger(view), view.UserName, $"rolled back {name}@{alias} to v{move.ToVersion}");
        }
        catch (ModelRegistryException error)
        {
            throw new DashboardRequestException(409, "Not rolled back", error.Message);
        }

        return Moved(view, name, alias);
    }

    internal static async Task<string> MoveAsync(DashboardView view, IFormCollection form)
    {
        var (name, alias) = (Route(view.Http, "name"), Route(view.Http, "alias"));
        var version = Whole(form, "version") ?? throw new DashboardRequestException(400, "Missing version", "The form field 'version' is missing: choose the version the alias should point at.");
        var expected = Whole(form, "expected");
        var reason = Reason(form);
        await KnownAliasAsync(view, name, alias).ConfigureAwait(false);
        try
        {
            await view.Registry.SetAliasAsync(name, alias, version, expected, Recorded(view, reason), view.Aborted).ConfigureAwait(false);
            LogWrite(Logger(view), view.UserName, $"moved {name}@{alias} to v{version}");
        }
        catch (AliasConflictException error)
        {
            throw new DashboardRequestException(409, "Alias moved meanwhile", $"{error.Message} Reload the page to see where '{alias}' points now, then decide again.");
        }
        catch (ModelRegistryException error)
        {
            throw new DashboardRequestException(409, "Not moved", error.Message);
        }

        return Moved(view, name, alias);
    }

    internal static async Task<string> ResumeAsync(DashboardView view, IFormCollection form)
    {
        var (loopName, runId) = (Route(view.Http, "loop"), Route(view.Http, "runId"));
        var reason = Reason(form);
        var loop = view.LoopDefinitions.FirstOrDefault(l => l.Name == loopName)
            ?? throw new DashboardRequestException(404, "Loop not defined here", $"Loop '{loopName}' is not defined in this app (AddLoop), so its runs cannot be resumed from here: resume it where it runs.");
        var run = await DashboardPages.FindRunAsync(view, loopName, runId).ConfigureAwait(false)
            ?? throw new DashboardRequestException(404, "Unknown run", $"Loop '{loopName}' has no run '{runId}'.");
        if (run.Status != RunStatus.Failed)
        {
            throw new DashboardRequestException(409, "Not resumable", $"Run '{runId}' of loop '{loopName}' is {run.Status.ToString().ToLowerInvariant()}; only a failed run can be resumed.");
        }

        var runner = view.Runner ?? throw new DashboardRequestException(409, "No runner", "No LoopRunner is registered in this app: add the loop with AddLoop.");
        var stopping = view.Http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var result = await runner.RunAsync(loop, Recorded(view, reason), run.RunKey, stopping).ConfigureAwait(false)
            ?? throw new DashboardRequestException(409, "Loop busy", $"Another runner holds the lease of loop '{loopName}' (a run is in progress): try again when it ends.");
        LogWrite(Logger(view), view.UserName, $"resumed {loopName}/{runId}: now {result.Status}");
        return view.Link("loops", loopName, "runs", result.RunId) + "?resumed=1";
    }

    private static async Task KnownAliasAsync(DashboardView view, string name, string alias)
    {
        if (await view.Registry.GetByAliasAsync(name, alias, view.Aborted).ConfigureAwait(false) is null)
        {
            throw new DashboardRequestException(404, "Unknown alias", $"Model '{name}' has no alias '{alias}' set.");
        }
    }

    private static string Reason(IFormCollection form)
    {
        var reason = form["reason"].ToString().Trim();
        if (reason.Length == 0)
        {
            throw new DashboardRequestException(400, "Missing reason", "The form field 'reason' is empty: say why, it is kept in the alias history and the run record.");
        }

        return reason.Length > MaxReasonLength
            ? throw new DashboardRequestException(400, "Reason too long", $"The form field 'reason' has {reason.Length} characters; at most {MaxReasonLength} are kept.")
            : reason.ReplaceLineEndings(" ");
    }

    private static int? Whole(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DashboardRequestException(400, "Bad form field", $"The form field '{field}' is '{text}', not a version number (a whole number such as 3).");
    }

    private static string Recorded(DashboardView view, string reason) => $"{reason} (dashboard, {view.UserName})";

    private static string Moved(DashboardView view, string name, string alias) => view.Link("models", name) + "?moved=" + U(alias);

    internal static string? MovedNotice(HttpContext context)
        => context.Request.Query["moved"].ToString() is { Length: > 0 } alias ? $"Alias '{alias}' was changed from the dashboard; its history is below." : null;

    internal static string Route(HttpContext context, string key) => context.Request.RouteValues[key]?.ToString() ?? string.Empty;

    internal static int? VersionNumber(HttpContext context)
        => int.TryParse(Route(context, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static ILogger Logger(DashboardView view)
        => view.Http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MlValue.AspNetCore.Dashboard");

    internal static Task AssetAsync(HttpContext context, string contentType, string content)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(content, context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, DashboardView? view, string pattern, DashboardRequestException error)
    {
        var basePath = view?.BasePath ?? E(context.Request.PathBase.Value + pattern);
        var title = view?.Options.Title ?? "MlValue";
        var body = $"<p class=\"error\" role=\"alert\" data-status=\"{error.Status}\">{E(error.Message)}</p>\n<p><a href=\"{basePath}/\">Back to the overview</a></p>\n";
        return SendAsync(context, error.Status, Page(title, error.Title, basePath, body));
    }

    internal static Task SendAsync(HttpContext context, int status, string html, string contentSecurityPolicy = ContentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Dashboard: {User} {Action}.")]
    private static partial void LogWrite(ILogger logger, string user, string action);
}

/// <summary>The request delegates of the dashboard mounted at one path.</summary>
internal sealed class Pages(string pattern)
{
    public Task Overview(HttpContext context) => DashboardRoutes.PageAsync(context, pattern, async view => await DashboardPages.OverviewAsync(view).ConfigureAwait(false));

    public Task Model(HttpContext context)
        => DashboardRoutes.PageAsync(context, pattern, view => DashboardPages.ModelAsync(view, DashboardRoutes.Route(context, "name"), DashboardRoutes.MovedNotice(context)));

    public Task Version(HttpContext context)
        => DashboardRoutes.PageAsync(context, pattern, view => DashboardRoutes.VersionNumber(context) is { } number
            ? DashboardPages.VersionAsync(view, DashboardRoutes.Route(context, "name"), number)
            : throw new DashboardRequestException(400, "Bad version", $"'{DashboardRoutes.Route(context, "version")}' is not a version number: a version is a whole number such as 3."));

    public Task Monitor(HttpContext context)
        => DashboardRoutes.PageAsync(context, pattern, view => Task.FromResult(DashboardPages.Monitor(view, DashboardRoutes.Route(context, "name"))));

    public Task Loop(HttpContext context) => DashboardRoutes.PageAsync(context, pattern, view => DashboardPages.LoopAsync(view, DashboardRoutes.Route(context, "loop")));

    public Task Run(HttpContext context)
        => DashboardRoutes.PageAsync(context, pattern, view => DashboardPages.RunAsync(
            view,
            DashboardRoutes.Route(context, "loop"),
            DashboardRoutes.Route(context, "runId"),
            context.Request.Query.ContainsKey("resumed") ? "The run was resumed from the dashboard; its status is below." : null));

    public Task Rollback(HttpContext context) => DashboardRoutes.WriteAsync(context, pattern, DashboardRoutes.RollbackAsync);

    public Task Move(HttpContext context) => DashboardRoutes.WriteAsync(context, pattern, DashboardRoutes.MoveAsync);

    public Task Resume(HttpContext context) => DashboardRoutes.WriteAsync(context, pattern, DashboardRoutes.ResumeAsync);
}

/// <summary>A dashboard request refused with a status and a message for the person who made it.</summary>
internal sealed class DashboardRequestException(int status, string title, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
