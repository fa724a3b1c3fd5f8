namespace MlValue.AspNetCore.Internal;

/// <summary>The correlation id of a request: the caller's header, else a version-7 GUID (32 hex digits) from the injected clock.</summary>
internal static class Correlation
{
    public const int MaxLength = 128;

    /// <summary>Random bytes fetched at once per thread: 64 ids.</summary>
    private const int RandomBatch = 64 * 16;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

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

    /// <summary>
    /// A version-7 GUID (RFC 9562: 48-bit Unix milliseconds, then random bits) as 32 hex digits. Its random bits come from
    /// the system's secure generator, as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>'s do, but fetched for 64 ids at a
    /// time per thread (and wiped once used): the runtime makes one system call per GUID on Linux, which cost more than the
    /// rest of the id.
    /// </summary>
    public static string New(TimeProvider time)
    {
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        var random = t_random ??= new byte[RandomBatch];
        if (t_next == 0)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        }

        Span<byte> bytes = stackalloc byte[16];
        var taken = random.AsSpan(t_next, 16);
        taken.CopyTo(bytes);
        taken.Clear();
        t_next = (t_next + 16) % RandomBatch;
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (40 - (8 * i)));
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("N");
    }

    /// <summary>Row <paramref name="index"/> of a batch of <paramref name="count"/>: the id itself for one row, else <c>id.index</c>.</summary>
    public static string ForRow(string id, int index, int count) => count == 1 ? id : string.Concat(id, ".", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
