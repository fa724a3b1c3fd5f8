using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace MlValue.Data;

/// <summary>
/// Streams the canonical bytes of a schema and its rows into XxHash128. Every field is written
/// as a presence byte (0 = null, 1 = value) followed by a fixed-width little-endian value or a
/// length-prefixed UTF-8 string; floats hash their bit pattern (every NaN as one NaN), so the
/// id does not depend on culture, machine or formatting.
/// </summary>
internal sealed class ContentHasher
{
    private const string Format = "mlvalue.dataset.v1";
    private readonly XxHash128 _hash = new();
    private readonly byte[] _scratch = new byte[16];

    public ContentHasher(DatasetSchema schema)
    {
        AppendText(Format);
        AppendInt32(schema.Columns.Count);
        foreach (var column in schema.Columns)
        {
            AppendText(column.Name);
            AppendText(column.Type);
            AppendByte(column.IsNullable ? (byte)1 : (byte)0);
        }
    }

    public void AppendNull() => AppendByte(0);

    public void AppendValue(ColumnKind kind, object? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        switch (kind)
        {
            case ColumnKind.String: AppendString(((string)value).AsSpan()); break;
            case ColumnKind.Boolean: AppendBoolean((bool)value); break;
            case ColumnKind.Int32: AppendInt32Value((int)value); break;
            case ColumnKind.Int64: AppendInt64Value((long)value); break;
            case ColumnKind.Single: AppendSingle((float)value); break;
            case ColumnKind.Double: AppendDouble((double)value); break;
            case ColumnKind.Decimal: AppendDecimal((decimal)value); break;
            case ColumnKind.DateTime: AppendDateTime((DateTime)value); break;
            case ColumnKind.DateTimeOffset: AppendDateTimeOffset((DateTimeOffset)value); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }
    }

    public void AppendString(ReadOnlySpan<char> value)
    {
        AppendByte(1);
        AppendText(value);
    }

    public void AppendBoolean(bool value)
    {
        AppendByte(1);
        AppendByte(value ? (byte)1 : (byte)0);
    }

    public void AppendInt32Value(int value)
    {
        AppendByte(1);
        AppendInt32(value);
    }

    public void AppendInt64Value(long value)
    {
        AppendByte(1);
        AppendInt64(value);
    }

    public void AppendSingle(float value) => AppendInt32Value(float.IsNaN(value) ? BitConverter.SingleToInt32Bits(float.NaN) : BitConverter.SingleToInt32Bits(value));

    public void AppendDouble(double value) => AppendInt64Value(double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(value));

    public void AppendDecimal(decimal value)
    {
        // 1.0m and 1.00m are the same number: hash the shortest invariant form.
        AppendString((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture).AsSpan());
    }

    public void AppendDateTime(DateTime value)
    {
        AppendInt64Value(value.Ticks);
        AppendByte((byte)value.Kind);
    }

    public void AppendDateTimeOffset(DateTimeOffset value)
    {
        AppendInt64Value(value.UtcTicks);
        AppendInt32((int)value.Offset.TotalMinutes);
    }

    public string Finish(long rowCount)
    {
        AppendText("rows");
        AppendInt64(rowCount);
        return "ds-" + _hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);
    }

    private void AppendByte(byte value)
    {
        _scratch[0] = value;
        _hash.Append(_scratch.AsSpan(0, 1));
    }

    private void AppendInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        _hash.Append(_scratch.AsSpan(0, 4));
    }

    private void AppendInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        _hash.Append(_scratch.AsSpan(0, 8));
    }

    private void AppendText(ReadOnlySpan<char> value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        AppendInt32(count);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            _hash.Append(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
