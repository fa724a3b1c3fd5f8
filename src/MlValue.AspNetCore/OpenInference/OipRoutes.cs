using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using MlValue.AspNetCore.Internal;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.AspNetCore.OpenInference;

/// <summary>
/// The Open Inference Protocol (KServe V2) REST routes of one model: model metadata, model ready and inference, each
/// with and without <c>/versions/{version}</c>. Errors are the OIP error object <c>{"error": "..."}</c>.
/// </summary>
internal static class OipRoutes
{
    public static void Map<TIn, TOut>(IEndpointRouteBuilder group, MappedModel<TIn, TOut> model, PredictionEndpointOptions options, TimeProvider time)
        where TIn : class
        where TOut : class, new()
    {
        var path = $"v2/models/{model.Name}";
        group.MapGet(path, context => Guard(context, options, () => MetadataAsync(context, model, null)));
        group.MapGet(path + "/versions/{version}", context => Guard(context, options, () => MetadataAsync(context, model, Version(context, model))));
        group.MapGet(path + "/ready", context => Guard(context, options, () => ReadyAsync(context, model, null)));
        group.MapGet(path + "/versions/{version}/ready", context => Guard(context, options, () => ReadyAsync(context, model, Version(context, model))));
        group.MapPost(path + "/infer", context => Guard(context, options, () => InferAsync(context, model, null, options, time)));
        group.MapPost(path + "/versions/{version}/infer", context => Guard(context, options, () => InferAsync(context, model, Version(context, model), options, time)));
    }

    /// <summary>Answers every rejection, not-ready and load failure as an OIP error object with its status code.</summary>
    public static async Task Guard(HttpContext context, PredictionEndpointOptions options, Func<Task> handle)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (RequestRejectedException error)
        {
            await Responses.OipErrorAsync(context, error.StatusCode, error.Message).ConfigureAwait(false);
        }
        catch (PredictorNotReadyException error)
        {
            Responses.RetryAfter(context, options.RetryAfterSeconds);
            await Responses.OipErrorAsync(context, StatusCodes.Status503ServiceUnavailable, error.Message + " Retry after the Retry-After seconds.").ConfigureAwait(false);
        }
        catch (Exception error) when (error is ModelLoadException or UnknownModelFormatException or ArtifactIntegrityException or ModelRegistryException)
        {
            await Responses.OipErrorAsync(context, StatusCodes.Status500InternalServerError, "The model version could not be loaded: " + error.Message).ConfigureAwait(false);
        }
        catch (Exception error) when (!context.Response.HasStarted && !(error is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var correlation = context.Items[CorrelationItem] as string ?? Correlation.FromHeader(context, options.CorrelationIdHeader);
            await Responses.OipErrorAsync(context, StatusCodes.Status500InternalServerError, Responses.ModelFailed(context, ModelName(context), correlation, error)).ConfigureAwait(false);
        }
    }

    /// <summary>The key under which an infer request keeps its correlation id for the error answer.</summary>
    private const string CorrelationItem = "mlvalue.correlation_id";

    /// <summary>The model a route serves, from its path <c>…/models/{name}…</c>.</summary>
    private static string ModelName(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "models");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : "?";
    }

    public static string ServerVersion { get; } = typeof(OipRoutes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(OipRoutes).Assembly.GetName().Version?.ToString() ?? "0";

    private static int Version<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model)
        where TIn : class
        where TOut : class, new()
    {
        var text = context.Request.RouteValues["version"] as string ?? string.Empty;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw RequestRejectedException.NotFound("Unknown model version", $"Model '{model.Name}' has no version '{text}': versions are whole numbers from 1.");
    }

    private static async Task MetadataAsync<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model, int? version)
        where TIn : class
        where TOut : class, new()
    {
        var cancellationToken = context.RequestAborted;
        IReadOnlyList<ModelVersion> versions;
        string? format;
        if (version is { } v)
        {
            var found = await model.Registry.GetVersionAsync(model.Name, v, cancellationToken).ConfigureAwait(false)
                ?? throw RequestRejectedException.NotFound("Unknown model version", $"Model '{model.Name}' has no version {v}.");
            versions = [found];
            format = found.FormatId;
        }
        else
        {
            versions = [.. (await model.Registry.SearchAsync(new ModelQuery { ModelName = model.Name }, cancellationToken).ConfigureAwait(false)).OrderBy(m => m.Version)];
            var served = model.GetStatus().Slots.FirstOrDefault(s => s.Arm == ServingArm.Primary)?.Version;
            format = versions.FirstOrDefault(m => m.Version == served)?.FormatId ?? versions.LastOrDefault()?.FormatId;
        }

        await Responses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", model.Name);
            writer.WriteStartArray("versions");
            foreach (var item in versions)
            {
                writer.WriteStringValue(item.Version.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
            writer.WriteString("platform", format is null ? "mlvalue" : "mlvalue_" + format);
            writer.WriteStartArray("inputs");
            foreach (var input in model.Schema.Inputs)
            {
                Tensor(writer, input.Name, input.Datatype, false);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("outputs");
            foreach (var output in model.Schema.Outputs)
            {
                Tensor(writer, output.Name, output.Datatype, output.IsVector);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void Tensor(Utf8JsonWriter writer, string name, string datatype, bool vector)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("datatype", datatype);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(-1);
        if (vector)
        {
            writer.WriteNumberValue(-1);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static async Task ReadyAsync<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model, int? version)
        where TIn : class
        where TOut : class, new()
    {
        var status = model.GetStatus();
        bool ready;
        if (version is { } v)
        {
            _ = await model.Registry.GetVersionAsync(model.Name, v, context.RequestAborted).ConfigureAwait(false)
                ?? throw RequestRejectedException.NotFound("Unknown model version", $"Model '{model.Name}' has no version {v}.");
            ready = status.Slots.Any(s => s.Version == v) || model.IsVersionLoaded(v);
        }
        else
        {
            ready = status.Slots.Any(s => s.Arm == ServingArm.Primary && s.Version is not null);
        }

        await WriteReadyAsync(context, model.Name, ready).ConfigureAwait(false);
    }

    public static Task WriteReadyAsync(HttpContext context, string name, bool ready)
        => Responses.JsonAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteBoolean("ready", ready);
            writer.WriteEndObject();
        });

    private static async Task InferAsync<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model, int? version, PredictionEndpointOptions options, TimeProvider time)
        where TIn : class
        where TOut : class, new()
    {
        using var document = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var request = InferenceRequestReader.Read<TIn>(document.RootElement, model.Schema, options.MaxBatchSize);
        var correlation = Correlation.FromHeader(context, options.CorrelationIdHeader) ?? request.Id ?? Correlation.New(time);
        context.Items[CorrelationItem] = correlation;
        var routingKey = context.Request.Headers[options.RoutingKeyHeader].ToString() is { Length: > 0 } key ? key : null;

        var rows = request.Rows;
        var values = new object?[request.Outputs.Count][];
        for (var o = 0; o < values.Length; o++)
        {
            values[o] = new object?[rows.Length];
        }

        var versions = new SortedSet<int>();

        // A version in the path is served by the predictor when it is the primary's (so monitors see it), else by a pinned
        // version held until the predictions are made (released before the answer is written).
        PinnedLease<TIn, TOut>? pinned = null;
        if (version is { } v && model.GetStatus().Slots.FirstOrDefault(s => s.Arm == ServingArm.Primary)?.Version != v)
        {
            pinned = await model.AcquireVersionAsync(v, context.RequestAborted).ConfigureAwait(false);
        }

        using (pinned)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                TOut output;
                if (pinned is null)
                {
                    var prediction = model.Predictor.Predict(rows[r], new PredictionRequest { CorrelationId = Correlation.ForRow(correlation, r, rows.Length), RoutingKey = routingKey });
                    output = prediction.Value;
                    versions.Add(prediction.Version);
                }
                else
                {
                    output = pinned.Model.Predict(rows[r]);
                    versions.Add(version!.Value);
                }

                for (var o = 0; o < values.Length; o++)
                {
                    values[o][r] = request.Outputs[o].Property.GetValue(output) is Array array ? array.Clone() : request.Outputs[o].Property.GetValue(output);
                }
            }
        }

        var modelVersion = string.Join(",", versions.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        context.Response.Headers[options.CorrelationIdHeader] = correlation;
        context.Response.Headers["MlValue-Model-Version"] = modelVersion;
        await Responses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("model_name", model.Name);
            writer.WriteString("model_version", modelVersion);
            writer.WriteString("id", request.Id ?? correlation);
            writer.WriteStartArray("outputs");
            for (var o = 0; o < values.Length; o++)
            {
                TensorData.WriteOutput(writer, request.Outputs[o], values[o]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
