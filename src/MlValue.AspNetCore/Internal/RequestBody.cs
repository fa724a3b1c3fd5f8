using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace MlValue.AspNetCore.Internal;

/// <summary>Reads a request body up to the configured limit and parses it as JSON, rejecting what is too large or malformed.</summary>
internal static class RequestBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            throw RequestRejectedException.BadRequest("The request body is empty; send a JSON document (Content-Type: application/json).");
        }

        try
        {
            return JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException error)
        {
            throw RequestRejectedException.BadRequest($"The request body is not valid JSON: {error.Message}");
        }
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(request.ContentLength.Value.ToString(CultureInfo.InvariantCulture), maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (request.ContentLength is { } length)
        {
            // The size is known (and within the limit): read it into the answer itself.
            var body = new byte[length];
            try
            {
                var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return read == body.Length ? body : body[..read];
            }
            catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge("more than " + maxBytes.ToString(CultureInfo.InvariantCulture), maxBytes);
            }
        }

        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var buffer = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge("more than " + maxBytes.ToString(CultureInfo.InvariantCulture), maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge("more than " + maxBytes.ToString(CultureInfo.InvariantCulture), maxBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static RequestRejectedException TooLarge(string size, long maxBytes)
        => new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The request body has {size} bytes; at most {maxBytes.ToString(CultureInfo.InvariantCulture)} are accepted (MlValue:AspNetCore:MaxRequestBodyBytes). Send fewer records per request.");
}
