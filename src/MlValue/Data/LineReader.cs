namespace MlValue.Data;

/// <summary>
/// Reads '\n'-terminated lines as bytes from a stream, tracking the byte offset after each line.
/// A line longer than the limit is skipped without being buffered and reported as too long.
/// </summary>
internal sealed class LineReader
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _position;
    private int _count;

    public LineReader(Stream stream, long offset, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        Offset = offset;
        stream.Seek(offset, SeekOrigin.Begin);
    }

    /// <summary>The byte offset just after the last line returned.</summary>
    public long Offset { get; private set; }

    /// <summary>Reads the next line (without '\r\n' or '\n'); false at end of stream. <paramref name="tooLong"/> is true when the line was skipped for its length.</summary>
    public bool TryRead(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        _line.SetLength(0);
        tooLong = false;
        long consumed = 0;
        while (true)
        {
            if (_position == _count)
            {
                _count = _stream.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_count == 0)
                {
                    line = Trim(_line);
                    Offset += consumed;
                    return consumed > 0;
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _position, _count - _position);
            var end = newline < 0 ? _count : newline;
            var length = end - _position;
            consumed += length + (newline < 0 ? 0 : 1);
            if (!tooLong && _line.Length + length > _maxLineBytes)
            {
                tooLong = true;
                _line.SetLength(0);
            }

            if (!tooLong)
            {
                _line.Write(_buffer, _position, length);
            }

            _position = end + (newline < 0 ? 0 : 1);
            if (newline >= 0)
            {
                line = Trim(_line);
                Offset += consumed;
                return true;
            }
        }
    }

    private static ReadOnlyMemory<byte> Trim(MemoryStream line)
    {
        var bytes = line.ToArray().AsMemory();
        return bytes.Length > 0 && bytes.Span[^1] == (byte)'\r' ? bytes[..^1] : bytes;
    }
}
