using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MlValue.Serving;

namespace MlValue.AspNetCore.Internal;

/// <summary>Writes the answers: ProblemDetails on the typed routes, the OIP error object and JSON bodies on the OIP routes.</summary>
internal static class Responses
{
    public static Task ProblemAsync(HttpContext context, int status, string title, string detail, string? modelName)
    {
        var extensions = modelName is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal) { ["modelName"] = modelName };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);
    }

    public static Task OipErrorAsync(HttpContext context, int status, string message)
        => JsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });

    public static Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) => WriteAsync(context, status, Json(write));

    /// <summary>A JSON body written in memory, to send with <see cref="WriteAsync"/>.</summary>
    public static ArrayBufferWriter<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer;
    }

    public static async Task WriteAsync(HttpContext context, int status, ArrayBufferWriter<byte> json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = json.WrittenCount;
        await context.Response.Body.WriteAsync(json.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    public static void RetryAfter(HttpContext context, int seconds)
        => context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

    public static string NotReady(string modelName, PredictorNotReadyException error)
        => $"Model '{modelName}' has no loaded version yet, so it cannot answer; retry after the Retry-After seconds. {error.Message}";

    public static string Arm(ServingArm arm) => arm switch
    {
        ServingArm.Canary => "canary",
        ServingArm.Shadow => "shadow",
        _ => "primary",
    };

    /// <summary>
    /// Logs a failure of the model itself (category <c>MlValue.AspNetCore</c>, with the model and the correlation id) and
    /// says what a caller may know: which model failed and the id to find the log entry by, never the exception's text,
    /// which may quote the input.
    /// </summary>
    public static string ModelFailed(HttpContext context, string modelName, string? correlationId, Exception error)
    {
        var logger = (context.RequestServices.GetService(typeof(Microsoft.Extensions.Logging.ILoggerFactory)) as Microsoft.Extensions.Logging.ILoggerFactory)?.CreateLogger("MlValue.AspNetCore");
        if (logger is not null)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, error, "Model '{ModelName}' failed on request {CorrelationId}.", modelName, correlationId);
        }

        return $"The model '{modelName}' failed on this request ({error.GetType().Name}); the server logged the error with correlation id '{correlationId}'. The request was valid: retry it, or report the id.";
    }
}
