namespace MlValue.AspNetCore.Internal;

/// <summary>The correlation id of a request: the caller's header, else a version-7 GUID (32 hex digits) from the injected clock.</summary>
internal static class Correlation
{
    public const int MaxLength = 128;

    public static string? FromHeader(HttpContext context, string header)
    {
        var value = context.Request.Headers[header].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > MaxLength || value.Any(char.IsControl))
        {
            throw RequestRejectedException.BadRequest($"The {header} header must be at most {MaxLength} printable characters; it has {value.Length}.");
        }

        return value;
    }

    public static string New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>Row <paramref name="index"/> of a batch of <paramref name="count"/>: the id itself for one row, else <c>id.index</c>.</summary>
    public static string ForRow(string id, int index, int count) => count == 1 ? id : string.Concat(id, ".", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
