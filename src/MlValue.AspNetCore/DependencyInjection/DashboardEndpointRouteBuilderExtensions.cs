using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Dashboard;
using MlValue.Registry;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps MlValue's dashboard page.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard at <paramref name="path"/>: models with their versions, lineage, aliases with their history
    /// and the promotion decisions; the monitors of the models mapped with <c>MapPredictor</c>, with charts of drift per
    /// feature, predictions and performance; loop runs with their steps. The page is server-rendered HTML with its own
    /// stylesheet and inline SVG charts: no script and no request to any other host. It is read-only unless
    /// <see cref="DashboardOptions.WritePolicy"/> names an authorization policy: then moving an alias, rolling one back
    /// and resuming a failed run are mapped behind that policy with an anti-forgery check, and their forms are shown only
    /// to users who satisfy it. Needs <c>AddDashboard()</c> on the MlValue builder.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="path">Where the page is mounted, a literal path such as <c>/mlvalue</c>.</param>
    /// <returns>The group of the dashboard's routes, to add conventions to (for example <c>RequireAuthorization()</c> for reading too).</returns>
    /// <exception cref="ArgumentException">The path is not a literal path starting with '/'.</exception>
    /// <exception cref="InvalidOperationException">The dashboard services, the registry or the write policy are not registered.</exception>
    public static RouteGroupBuilder MapMlValueDashboard(this IEndpointRouteBuilder endpoints, string path)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/') || path.Contains('{', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The dashboard path must be a literal path starting with '/', such as '/mlvalue' (no route parameters, query or fragment); it is '{path}'.", nameof(path));
        }

        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<DashboardOptions>>()?.Value is { } value && services.GetService<IConfigureOptions<DashboardOptions>>() is not null
            ? value
            : throw new InvalidOperationException("MapMlValueDashboard needs the dashboard services: call services.AddMlValue(...).AddDashboard() before building the app.");
        if (services.GetService<IModelRegistry>() is null)
        {
            throw new InvalidOperationException("MapMlValueDashboard needs a model registry: add one with AddModelRegistry() (or UseSqlite()/UsePostgreSql()) on the MlValue builder.");
        }

        if (options.WritePolicy is { } policy)
        {
            var provider = services.GetService<IAuthorizationPolicyProvider>() ?? throw new InvalidOperationException(
                $"MlValue:Dashboard:WritePolicy is '{policy}' but no authorization services are registered: call services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...)).");
            if (provider.GetPolicyAsync(policy).GetAwaiter().GetResult() is null)
            {
                throw new InvalidOperationException($"MlValue:Dashboard:WritePolicy is '{policy}' but no authorization policy of that name is registered: add it with services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...)), or unset WritePolicy for a read-only page.");
            }
        }

        var pattern = path.TrimEnd('/');
        var group = endpoints.MapGroup(pattern.Length == 0 ? "/" : pattern);
        DashboardRoutes.Map(group, pattern, options);
        return group;
    }
}
