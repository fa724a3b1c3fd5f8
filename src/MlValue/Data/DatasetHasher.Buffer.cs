using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MlValue.Data;

/// <summary>The byte buffer: fields are written into it and it is handed to the hash when full.</summary>
public sealed partial class DatasetHasher
{
    private void AppendByte(byte value)
    {
        Ensure(1);
        _buffer[_used++] = value;
    }

    private void AppendInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    private void AppendInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    private void AppendText(ReadOnlySpan<char> value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most <= BufferSize - 4)
        {
            // Length prefix, then the bytes encoded straight into the buffer.
            Ensure(4 + most);
            var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), written);
            _used += 4 + written;
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        AppendInt32(count);
        Flush();
        var rented = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            _hash.Append(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.Append(_buffer.AsSpan(0, _used));
        _used = 0;
    }
}
