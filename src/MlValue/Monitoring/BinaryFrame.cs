using System.IO.Hashing;
using System.Text;

namespace MlValue.Monitoring;

/// <summary>
/// A checksummed binary envelope: magic, format version, body, XxHash64 of the body. Version 2 added multiclass
/// sketches and the predicted class of pending outcomes; version 3 the state file's reference history (which reference
/// each bucket was recorded with); versions 1 and 2 still load.
/// </summary>
internal static class BinaryFrame
{
    public const int FormatVersion = 3;

    public const int OldestReadableVersion = 1;

    public static byte[] Write(string magic, Action<BinaryWriter> body)
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            body(writer);
        }

        var bodyBytes = content.ToArray();
        using var output = new MemoryStream(bodyBytes.Length + 32);
        using (var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(FormatVersion);
            writer.Write(bodyBytes.Length);
            writer.Write(bodyBytes);
            writer.Write(XxHash64.HashToUInt64(bodyBytes));
        }

        return output.ToArray();
    }

    /// <summary>The bytes a frame starts with: the magic as <see cref="BinaryWriter.Write(string)"/> writes it.</summary>
    private static byte[] Header(string magic)
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
        }

        return content.ToArray();
    }

    /// <summary>Checks the envelope and returns a reader over the body; <paramref name="what"/> names the source in errors.</summary>
    public static BinaryReader Read(string magic, byte[] bytes, string what) => Read(magic, bytes, what, out _);

    /// <summary>As <see cref="Read(string, byte[], string)"/>, giving the format version the bytes were written with.</summary>
    public static BinaryReader Read(string magic, byte[] bytes, string what, out int version)
    {
        try
        {
            using var input = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (!bytes.AsSpan().StartsWith(Header(magic)))
            {
                throw new MonitoringException($"{what} is not a {magic} file (it starts with 0x{Convert.ToHexStringLower(bytes, 0, Math.Min(16, bytes.Length))}); pass the bytes written by the matching ToBytes/Save.");
            }

            _ = input.ReadString();

            version = input.ReadInt32();
            if (version is < OldestReadableVersion or > FormatVersion)
            {
                throw new MonitoringException($"{what} has format version {version}; this MlValue reads versions {OldestReadableVersion} to {FormatVersion}. Rebuild it with this version.");
            }

            var body = input.ReadBytes(input.ReadInt32());
            if (input.ReadUInt64() != XxHash64.HashToUInt64(body))
            {
                throw new MonitoringException($"{what} is corrupted: its checksum does not match its content. Restore it from a copy or delete it to start empty.");
            }

            return new BinaryReader(new MemoryStream(body), Encoding.UTF8);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            throw new MonitoringException($"{what} is truncated or corrupted ({e.Message}). Restore it from a copy or delete it to start empty.", e);
        }
    }
}
