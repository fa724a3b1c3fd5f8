namespace MlValue.Data;

/// <summary>
/// Cuts a file that may still grow into complete records, from a byte offset. A record ends at a
/// <c>'\n'</c> (in CSV, one outside quotes). A last record without its <c>'\n'</c> is not returned and
/// not consumed: the writer has not finished it, and a later read gets it whole. A record over the
/// bound is skipped line by line without being buffered whole.
/// </summary>
internal sealed partial class RecordFramer
{
    private readonly Stream _stream;
    private readonly int _maxBytes;
    private readonly bool _quoted;
    private byte[] _buffer = new byte[64 * 1024];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private int _lastStart;
    private bool _eof;

    /// <param name="stream">The file, seekable.</param>
    /// <param name="offset">Where the first record starts.</param>
    /// <param name="maxBytes">The longest record (without its line break) that is returned.</param>
    /// <param name="quoted">True for CSV: a <c>'\n'</c> inside a quoted field does not end the record.</param>
    public RecordFramer(Stream stream, long offset, int maxBytes, bool quoted)
    {
        _stream = stream;
        _maxBytes = maxBytes;
        _quoted = quoted;
        _bufferOffset = offset;
        stream.Seek(offset, SeekOrigin.Begin);
    }

    /// <summary>The byte offset just after the last record returned: where the next read starts.</summary>
    public long Offset => _bufferOffset + _start;

    /// <summary>The next complete record; false when none is complete (end of the data, or a last record without its line break).</summary>
    public bool TryRead(out Frame frame)
    {
        ResetQuotes();
        var pos = _start;
        while (true)
        {
            var end = _quoted ? ScanQuoted(ref pos) : Array.IndexOf(_buffer, (byte)'\n', pos, _end - pos);
            pos = end >= 0 ? end : _end;
            if (end >= 0 && end - _start <= _maxBytes)
            {
                frame = Take(end, FrameKind.Record);
                return true;
            }

            if (end >= 0 || _end - _start > _maxBytes)
            {
                // Over the bound: a quoted record is given up at its first line; a line that long is skipped.
                var firstLine = FirstLineEnd();
                if (firstLine >= 0)
                {
                    frame = Take(firstLine, firstLine - _start <= _maxBytes ? FrameKind.UnclosedQuote : FrameKind.TooLong);
                    return true;
                }

                return SkipLongLine(out frame);
            }

            if (_eof)
            {
                // Quote still open at the end of the data although a line ended after it: it is not closed.
                var unclosed = _quoted && InQuotes && FirstLineEnd() >= 0;
                frame = unclosed ? Take(FirstLineEnd(), FrameKind.UnclosedQuote) : default;
                return unclosed;
            }

            pos = Fill(pos);
        }
    }

    /// <summary>Gives up the last record returned after its first line: the next read starts at its second line.</summary>
    public void ResumeAfterFirstLine() => _start = Array.IndexOf(_buffer, (byte)'\n', _lastStart, _start - _lastStart) + 1;

    private int FirstLineEnd() => Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);

    private Frame Take(int newline, FrameKind kind)
    {
        var bytes = _buffer.AsMemory(_start, newline - _start);
        if (bytes.Length > 0 && bytes.Span[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        var lines = kind == FrameKind.Record ? bytes.Span.Count((byte)'\n') + 1 : 1;
        _lastStart = _start;
        _start = newline + 1;
        return new Frame(kind == FrameKind.TooLong ? ReadOnlyMemory<byte>.Empty : bytes, lines, kind);
    }

    /// <summary>Skips a line over the bound up to its line break, keeping only the buffer; without a line break yet, consumes nothing.</summary>
    private bool SkipLongLine(out Frame frame)
    {
        var from = Offset;
        while (true)
        {
            _bufferOffset += _end;
            _start = _end = 0;
            Fill(0);
            var newline = Array.IndexOf(_buffer, (byte)'\n', 0, _end);
            if (newline >= 0)
            {
                _lastStart = _start = newline + 1;
                frame = new Frame(ReadOnlyMemory<byte>.Empty, 1, FrameKind.TooLong);
                return true;
            }

            if (_eof)
            {
                _bufferOffset = from;
                _start = _end = 0;
                frame = default;
                return false;
            }
        }
    }

    /// <summary>Reads more of the stream after the data in the buffer (moving it to the front, growing the buffer when full); returns <paramref name="pos"/> as moved.</summary>
    private int Fill(int pos)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            pos -= _start;
            _end -= _start;
            _lastStart = _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
        return pos;
    }
}
