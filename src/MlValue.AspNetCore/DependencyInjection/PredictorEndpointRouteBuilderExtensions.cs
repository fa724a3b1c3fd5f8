using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Http;
using MlValue.AspNetCore.Internal;
using MlValue.AspNetCore.OpenInference;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a predictor's HTTP routes with ASP.NET Core minimal APIs.</summary>
public static class PredictorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the routes of the predictor registered for <paramref name="modelName"/> (with <c>AddPredictor&lt;TIn, TOut&gt;</c>):
    /// typed JSON <c>POST models/{name}/predict</c> and <c>POST models/{name}/outcomes</c>, and the Open Inference Protocol
    /// <c>GET v2/models/{name}[/versions/{v}]</c>, <c>GET …/ready</c> and <c>POST …/infer</c>, all under
    /// <see cref="PredictionEndpointOptions.RoutePrefix"/>. The first call also maps the shared routes (<c>GET v2/health/live</c>,
    /// <c>GET v2/health/ready</c>, <c>GET v2</c>, and 404 answers for model names not mapped) outside the returned group.
    /// Needs <c>AddPredictionEndpoints()</c> on the MlValue builder.
    /// </summary>
    /// <typeparam name="TIn">The input record type.</typeparam>
    /// <typeparam name="TOut">The prediction type.</typeparam>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="modelName">The model name, the key of its predictor.</param>
    /// <returns>The group of this model's routes, to add authorization, rate limits or other conventions to.</returns>
    /// <exception cref="InvalidOperationException">The endpoint services or the predictor are not registered, or the model is already mapped.</exception>
    public static RouteGroupBuilder MapPredictor<TIn, TOut>(this IEndpointRouteBuilder endpoints, string modelName)
        where TIn : class
        where TOut : class, new()
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        var services = endpoints.ServiceProvider;
        var models = services.GetService<MappedModels>() ?? throw new InvalidOperationException(
            $"MapPredictor<{typeof(TIn).Name}, {typeof(TOut).Name}>(\"{modelName}\") needs the endpoint services: call services.AddMlValue(...).AddPredictionEndpoints() before building the app.");
        var options = services.GetRequiredService<IOptions<PredictionEndpointOptions>>().Value;
        var predictor = services.GetKeyedService<IPredictor<TIn, TOut>>(modelName) ?? throw new InvalidOperationException(
            $"No predictor of {typeof(TIn).Name} to {typeof(TOut).Name} is registered for model '{modelName}': add it with AddPredictor<{typeof(TIn).Name}, {typeof(TOut).Name}>(\"{modelName}\") on the MlValue builder.");
        var registry = services.GetRequiredService<IModelRegistry>();
        var formats = services.GetRequiredService<ModelFormatRegistry>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var json = services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var model = new MappedModel<TIn, TOut>(modelName, predictor, registry, formats, json, () => FindMonitor<TIn>(services, modelName), options.MaxPinnedVersions);
        models.Add(model);

        var prefix = "/" + options.RoutePrefix.Trim('/');
        if (models.FirstServerRoutes())
        {
            ServerRoutes.Map(endpoints.MapGroup(prefix), models, options);
        }

        var group = endpoints.MapGroup(prefix);
        TypedRoutes.Map(group, model, options, time);
        OipRoutes.Map(group, model, options, time);
        return group;
    }

    /// <summary>The monitor that records the model's predictions (as the prediction observer finds it), else one keyed by the model name.</summary>
    private static IModelMonitor<TIn>? FindMonitor<TIn>(IServiceProvider services, string modelName)
        where TIn : class
        => services.GetKeyedService<MonitoringPredictionObserver<TIn>>(modelName)?.Monitor
            ?? services.GetKeyedService<IModelMonitor<TIn>>(modelName);
}
