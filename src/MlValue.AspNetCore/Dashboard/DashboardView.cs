using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore.Internal;
using MlValue.Registry;
using MlValue.Runs;
using static MlValue.AspNetCore.Dashboard.Html;

namespace MlValue.AspNetCore.Dashboard;

/// <summary>What one dashboard request reads: the stores, the mapped models, the links' base path and whether the user may write.</summary>
internal sealed class DashboardView
{
    private DashboardView(HttpContext http, DashboardOptions options, string basePath, bool canWrite)
    {
        Http = http;
        Options = options;
        BasePath = basePath;
        CanWrite = canWrite;
        var services = http.RequestServices;
        Registry = services.GetRequiredService<IModelRegistry>();
        Runs = services.GetService<IRunStore>();
        Runner = services.GetService<LoopRunner>();
        LoopDefinitions = services.GetServices<LoopDefinition>().ToList();
        Models = services.GetRequiredService<MappedModels>();
        Time = services.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    public HttpContext Http { get; }

    public DashboardOptions Options { get; }

    /// <summary>The path the dashboard is mounted at, HTML-encoded, without a trailing slash.</summary>
    public string BasePath { get; }

    /// <summary>True when a write policy is set and the user satisfies it: the forms are shown.</summary>
    public bool CanWrite { get; }

    public IModelRegistry Registry { get; }

    public IRunStore? Runs { get; }

    public LoopRunner? Runner { get; }

    public IReadOnlyList<LoopDefinition> LoopDefinitions { get; }

    public MappedModels Models { get; }

    public TimeProvider Time { get; }

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The loops shown: those defined in this app and those named in the options.</summary>
    public IReadOnlyList<string> LoopNames
        => [.. LoopDefinitions.Select(l => l.Name).Concat(Options.Loops).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static async Task<DashboardView> CreateAsync(HttpContext http, string pattern)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var canWrite = false;
        if (options.WritePolicy is { } policy && http.User.Identity?.IsAuthenticated == true)
        {
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            canWrite = (await authorization.AuthorizeAsync(http.User, policy).ConfigureAwait(false)).Succeeded;
        }

        return new DashboardView(http, options, E(http.Request.PathBase.Value + pattern), canWrite);
    }

    /// <summary>The hidden anti-forgery field of a write form; issues the token (and its cookie) on first use.</summary>
    public string AntiforgeryField()
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>The user named in what a write records.</summary>
    public string UserName => Http.User.Identity?.Name is { Length: > 0 } name ? name : "an authorised user";

    public string Link(params string[] segments) => BasePath + "/" + string.Join('/', segments.Select(U));
}
