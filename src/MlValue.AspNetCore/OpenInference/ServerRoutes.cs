using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MlValue.AspNetCore.Internal;
using MlValue.Serving;

namespace MlValue.AspNetCore.OpenInference;

/// <summary>
/// The routes shared by all mapped models, mapped once: OIP server live, ready and metadata, and the answers for a
/// model name that is not mapped (404, as ProblemDetails on the typed routes and the OIP error object on the OIP ones).
/// </summary>
internal static class ServerRoutes
{
    public static void Map(IEndpointRouteBuilder group, MappedModels models, PredictionEndpointOptions options)
    {
        group.MapGet("v2/health/live", context => Responses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("live", true);
            writer.WriteEndObject();
        }));
        group.MapGet("v2/health/ready", context =>
        {
            var ready = models.All.Count > 0 && models.All.All(m => m.GetStatus().Slots.Any(s => s.Arm == ServingArm.Primary && s.Version is not null));
            return Responses.JsonAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("ready", ready);
                writer.WriteBoolean("live", ready);
                writer.WriteEndObject();
            });
        });
        group.MapGet("v2", context => Responses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", options.ServerName);
            writer.WriteString("version", OipRoutes.ServerVersion);
            writer.WriteStartArray("extensions");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));

        foreach (var pattern in (string[])["models/{name}/predict", "models/{name}/outcomes"])
        {
            group.Map(pattern, context => UnknownTypedAsync(context, models));
        }

        foreach (var pattern in (string[])["v2/models/{name}", "v2/models/{name}/ready", "v2/models/{name}/infer", "v2/models/{name}/versions/{version}", "v2/models/{name}/versions/{version}/ready", "v2/models/{name}/versions/{version}/infer"])
        {
            group.Map(pattern, context => UnknownOipAsync(context, models));
        }
    }

    private static Task UnknownTypedAsync(HttpContext context, MappedModels models)
    {
        var name = context.Request.RouteValues["name"] as string ?? string.Empty;
        return models.Find(name) is not null
            ? Responses.ProblemAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"{context.Request.Path} takes POST, not {context.Request.Method}.", name)
            : Responses.ProblemAsync(context, StatusCodes.Status404NotFound, "Unknown model", Unknown(name, models), name);
    }

    private static Task UnknownOipAsync(HttpContext context, MappedModels models)
    {
        var name = context.Request.RouteValues["name"] as string ?? string.Empty;
        return models.Find(name) is not null
            ? Responses.OipErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{context.Request.Path} does not take {context.Request.Method}: infer takes POST, metadata and ready take GET.")
            : Responses.OipErrorAsync(context, StatusCodes.Status404NotFound, Unknown(name, models));
    }

    private static string Unknown(string name, MappedModels models)
    {
        var served = models.All.Select(m => $"'{m.Name}'").ToArray();
        return $"Model '{name}' is not served here; served: {(served.Length == 0 ? "none" : string.Join(", ", served))}.";
    }
}
