using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Annotation;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Dashboard;
using MlValue.AspNetCore.Labelling;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps MlValue's labelling page.</summary>
public static class LabellingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the labelling page of the registered <see cref="AnnotationTaskQueue"/> at <paramref name="path"/>, every route
    /// behind <see cref="LabellingOptions.Policy"/>: <c>GET {path}/</c> shows the signed-in person's next task in the
    /// queue's order (its fields as text, long text folded; the pre-label with its confidence; the votes of
    /// <paramref name="labelingFunctions"/>) with a button per choice (keys 1–9), abstain (a) and skip (s);
    /// <c>POST {path}/tasks/{taskId}</c> keeps the answer under the person's user name with the queue's idempotent
    /// submit, behind an anti-forgery check; <c>GET {path}/status</c> shows tasks done and open, answers per person,
    /// their agreement (Cohen's κ for two people, Fleiss' κ for more) and the labels by majority vote. Needs
    /// <c>AddLabellingPage()</c> on the MlValue builder and the policy in the authorization services.
    /// </summary>
    /// <typeparam name="TItem">The item type the tasks were exported as (read for the labeling functions).</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="path">Where the page is mounted, a literal path such as <c>/label</c>.</param>
    /// <param name="choices">The classes, 1 to 9 of them, in the order of their keys.</param>
    /// <param name="labelingFunctions">Labeling functions whose votes are shown beside each task, or <see langword="null"/>.</param>
    /// <returns>The group of the page's routes.</returns>
    /// <exception cref="ArgumentException">The path is not a literal path, or the choices are not 1 to 9 distinct names.</exception>
    /// <exception cref="InvalidOperationException">The page's services or its policy are not registered.</exception>
    public static RouteGroupBuilder MapLabellingPage<TItem, TLabel>(this IEndpointRouteBuilder endpoints, string path, IReadOnlyList<LabelChoice<TLabel>> choices, IReadOnlyList<LabelingFunction<TItem, TLabel>>? labelingFunctions = null)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(choices);
        if (!path.StartsWith('/') || path.Length < 2 || path.Contains('{', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The labelling page's path must be a literal path below '/', such as '/label' (no route parameters, query or fragment); it is '{path}'.", nameof(path));
        }

        if (choices.Count is < 1 or > 9 || choices.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count)
        {
            throw new ArgumentException($"The labelling page needs 1 to 9 choices with distinct names (one per key 1–9); it has {choices.Count}: {string.Join(", ", choices.Select(c => c.Name))}.", nameof(choices));
        }

        var services = endpoints.ServiceProvider;
        if (services.GetService<IConfigureOptions<LabellingOptions>>() is null || services.GetService<AnnotationTaskQueue>() is null)
        {
            throw new InvalidOperationException("MapLabellingPage needs the labelling services: call services.AddMlValue(...).AddLabellingPage(o => o.Policy = \"...\") before building the app.");
        }

        var options = services.GetRequiredService<IOptions<LabellingOptions>>().Value;
        var provider = services.GetService<IAuthorizationPolicyProvider>();
        if (provider?.GetPolicyAsync(options.Policy!).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException($"MlValue:Labelling:Policy is '{options.Policy}' but no authorization policy of that name is registered: add it with services.AddAuthorization(o => o.AddPolicy(\"{options.Policy}\", ...)).");
        }

        var pattern = path.TrimEnd('/');
        var page = new LabellingPage<TItem, TLabel>(pattern, choices, labelingFunctions ?? []);
        var assets = endpoints.MapGroup(pattern + "/assets");
        assets.MapGet("/dashboard.css", context => DashboardRoutes.AssetAsync(context, "text/css; charset=utf-8", DashboardAssets.Css + "\n" + LabellingAssets.Css));
        assets.MapGet("/icon.svg", context => DashboardRoutes.AssetAsync(context, "image/svg+xml", DashboardAssets.Icon));
        assets.MapGet("/labelling.js", context => DashboardRoutes.AssetAsync(context, "text/javascript; charset=utf-8", LabellingAssets.Script));
        var group = endpoints.MapGroup(pattern).RequireAuthorization(options.Policy!);
        group.MapGet("/", page.NextAsync);
        group.MapGet("/status", page.StatusAsync);
        group.MapPost("/tasks/{taskId}", page.AnswerAsync);
        return group;
    }
}
