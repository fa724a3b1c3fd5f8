using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace MlValue.Data;

/// <summary>Finding bytes that are not UTF-8, which decoders would otherwise replace by U+FFFD or reject later.</summary>
internal static class Utf8Text
{
    /// <summary>The index of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    /// <summary>The reason for a read error: where the first invalid byte is and how to fix it.</summary>
    public static string Reason(ReadOnlySpan<byte> bytes, int index, string what)
        => string.Create(CultureInfo.InvariantCulture, $"{what} is not valid UTF-8 (byte 0x{bytes[index]:X2} at byte {index + 1} of it); nothing of it was read. Save the file as UTF-8, or fix that byte and add the line again");
}
