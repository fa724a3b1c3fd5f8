using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using MlValue.AspNetCore.Internal;
using MlValue.Monitoring;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.AspNetCore.Http;

/// <summary>
/// The typed JSON routes of one model: <c>POST models/{name}/predict</c> (an object, or an array for a batch) and
/// <c>POST models/{name}/outcomes</c> (a late label for the model's monitor). Errors are ProblemDetails.
/// </summary>
internal static class TypedRoutes
{
    public static void Map<TIn, TOut>(IEndpointRouteBuilder group, MappedModel<TIn, TOut> model, PredictionEndpointOptions options, TimeProvider time)
        where TIn : class
        where TOut : class, new()
    {
        group.MapPost($"models/{model.Name}/predict", context => PredictAsync(context, model, options, time));
        group.MapPost($"models/{model.Name}/outcomes", context => OutcomeAsync(context, model, options));
    }

    private static async Task PredictAsync<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model, PredictionEndpointOptions options, TimeProvider time)
        where TIn : class
        where TOut : class, new()
    {
        string? correlation = null;
        try
        {
            correlation = Correlation.FromHeader(context, options.CorrelationIdHeader) ?? Correlation.New(time);
            var routingKey = context.Request.Headers[options.RoutingKeyHeader].ToString() is { Length: > 0 } key ? key : null;
            using var document = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
            var root = document.RootElement;
            var batch = root.ValueKind == JsonValueKind.Array;
            var inputs = batch ? ReadBatch(model, root, options.MaxBatchSize) : [model.Reader.Read(root, "the request body")];
            var answers = new Prediction<TOut>[inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                answers[i] = model.Predictor.Predict(inputs[i], new PredictionRequest { CorrelationId = batch ? string.Concat(correlation, ".", i.ToString(CultureInfo.InvariantCulture)) : correlation, RoutingKey = routingKey });
            }

            // The whole body is written (every value serialized) before any header is set, so a value that cannot be
            // serialized is answered 500 like a failing model, without this answer's headers.
            var body = Responses.Json(writer =>
            {
                if (batch)
                {
                    writer.WriteStartArray();
                }

                foreach (var prediction in answers)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("value");
                    JsonSerializer.Serialize(writer, prediction.Value, model.Json);
                    writer.WriteString("modelName", prediction.ModelName);
                    writer.WriteString("modelVersion", prediction.Version.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString("arm", Responses.Arm(prediction.Arm));
                    writer.WriteString("correlationId", prediction.CorrelationId);
                    writer.WriteEndObject();
                }

                if (batch)
                {
                    writer.WriteEndArray();
                }
            });
            var headers = context.Response.Headers;
            headers[options.CorrelationIdHeader] = correlation;
            headers["MlValue-Model-Name"] = model.Name;
            headers["MlValue-Model-Version"] = answers.Length == 1
                ? answers[0].Version.ToString(CultureInfo.InvariantCulture)
                : string.Join(",", answers.Select(a => a.Version).Distinct().Select(v => v.ToString(CultureInfo.InvariantCulture)));
            headers["MlValue-Arm"] = answers.Length == 1 ? Responses.Arm(answers[0].Arm) : string.Join(",", answers.Select(a => Responses.Arm(a.Arm)).Distinct());
            await Responses.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
        }
        catch (RequestRejectedException error)
        {
            await Responses.ProblemAsync(context, error.StatusCode, error.Title, error.Message, model.Name).ConfigureAwait(false);
        }
        catch (PredictorNotReadyException error)
        {
            Responses.RetryAfter(context, options.RetryAfterSeconds);
            await Responses.ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Model not ready", Responses.NotReady(model.Name, error), model.Name).ConfigureAwait(false);
        }
        catch (Exception error) when (!context.Response.HasStarted && !(error is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            await Responses.ProblemAsync(context, StatusCodes.Status500InternalServerError, "Model failed", Responses.ModelFailed(context, model.Name, correlation, error), model.Name).ConfigureAwait(false);
        }
    }

    private static TIn[] ReadBatch<TIn, TOut>(MappedModel<TIn, TOut> model, JsonElement root, int maxBatchSize)
        where TIn : class
        where TOut : class, new()
    {
        var count = root.GetArrayLength();
        if (count == 0)
        {
            throw RequestRejectedException.BadRequest("The request body is an empty array; send one object, or an array of at least one.");
        }

        if (count > maxBatchSize)
        {
            throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"The batch has {count} records; at most {maxBatchSize} are accepted per request (MlValue:AspNetCore:MaxBatchSize).");
        }

        var inputs = new TIn[count];
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            inputs[i] = model.Reader.Read(item, $"record [{i}]");
            i++;
        }

        return inputs;
    }

    private static async Task OutcomeAsync<TIn, TOut>(HttpContext context, MappedModel<TIn, TOut> model, PredictionEndpointOptions options)
        where TIn : class
        where TOut : class, new()
    {
        try
        {
            using var document = await RequestBody.ReadJsonAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw RequestRejectedException.BadRequest("The request body must be a JSON object {\"correlationId\": \"...\", \"label\": ...}.");
            }

            var correlationId = Field(root, "correlationId") is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } text
                ? text
                : throw RequestRejectedException.BadRequest("The field 'correlationId' is missing or not a non-empty string; send the correlation id of the prediction (the MlValue-Correlation-Id header of its answer).");
            var label = Field(root, "label") ?? throw RequestRejectedException.BadRequest("The field 'label' is missing; send the actual outcome: 0/1 or true/false (binary), a number (regression) or a class name (multiclass).");
            var monitor = model.Monitor ?? throw RequestRejectedException.NotFound(
                "No monitor",
                $"Model '{model.Name}' has no monitor to record outcomes in. Register one with AddModelMonitor(name, schema, servedModel: \"{model.Name}\"), or an IModelMonitor<{typeof(TIn).Name}> keyed by the model name.");
            var status = Record(monitor, correlationId, label);
            switch (status)
            {
                case OutcomeStatus.Recorded:
                    await Responses.JsonAsync(context, StatusCodes.Status200OK, writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("modelName", model.Name);
                        writer.WriteString("correlationId", correlationId);
                        writer.WriteString("status", "recorded");
                        writer.WriteEndObject();
                    }).ConfigureAwait(false);
                    break;
                case OutcomeStatus.Expired:
                    throw new RequestRejectedException(StatusCodes.Status409Conflict, "Outcome too late", $"The prediction of model '{model.Name}' with correlation id '{correlationId}' is past the monitor's retention (MlValue:Monitoring:Retention): the outcome was counted as expired, not recorded.");
                default:
                    throw RequestRejectedException.NotFound("Unknown correlation id", $"No prediction of model '{model.Name}' with correlation id '{correlationId}' is waiting for an outcome: it was not predicted through this monitor, already has an outcome, or was evicted or expired. Send the correlation id of the prediction's answer.");
            }
        }
        catch (RequestRejectedException error)
        {
            await Responses.ProblemAsync(context, error.StatusCode, error.Title, error.Message, model.Name).ConfigureAwait(false);
        }
    }

    private static OutcomeStatus Record<TIn>(IModelMonitor<TIn> monitor, string correlationId, JsonElement label)
    {
        var multiclass = monitor is ModelMonitor<TIn> { Prediction: PredictionTask.MulticlassClassification };
        try
        {
            return label.ValueKind switch
            {
                JsonValueKind.String when monitor is not ModelMonitor<TIn> || multiclass => monitor.RecordOutcome(correlationId, label.GetString()!),
                JsonValueKind.Number when !multiclass => monitor.RecordOutcome(correlationId, label.GetDouble()),
                JsonValueKind.True when !multiclass => monitor.RecordOutcome(correlationId, 1d),
                JsonValueKind.False when !multiclass => monitor.RecordOutcome(correlationId, 0d),
                _ => throw RequestRejectedException.BadRequest(multiclass
                    ? "The field 'label' must be a class name (a string): the model's monitor watches multiclass predictions."
                    : "The field 'label' must be 0/1 or true/false (binary) or a number (regression): the model's monitor watches numeric predictions."),
            };
        }
        catch (ArgumentException error)
        {
            throw RequestRejectedException.BadRequest($"The field 'label' was refused: {error.Message}");
        }
        catch (MonitoringException error)
        {
            throw RequestRejectedException.BadRequest($"The field 'label' was refused: {error.Message}");
        }
    }

    private static JsonElement? Field(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
