namespace MlValue.AspNetCore.Internal;

/// <summary>A request answered with an error before it reaches the model: the status code, a short title and a message that names what was wrong.</summary>
internal sealed class RequestRejectedException(int statusCode, string title, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public static RequestRejectedException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "Bad request", message);

    public static RequestRejectedException NotFound(string title, string message) => new(StatusCodes.Status404NotFound, title, message);
}
