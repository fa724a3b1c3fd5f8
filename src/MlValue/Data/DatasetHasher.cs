using System.Globalization;
using System.IO.Hashing;

namespace MlValue.Data;

/// <summary>
/// Streams the canonical bytes of a schema and its rows into XxHash128. Every field is written
/// as a presence byte (0 = null, 1 = value) followed by a fixed-width little-endian value or a
/// length-prefixed UTF-8 string; floats hash their bit pattern (every NaN as one NaN), so the
/// id does not depend on culture, machine or formatting. Bytes are gathered in a buffer and handed to
/// the hash in blocks (a streaming hash of the same bytes, so the same id), not one field at a time.
/// An engine that holds rows of its own (see <see cref="Dataset.FromRows"/>) appends each row's fields
/// in the schema's column order, one call per field, and so computes the id that the same rows given
/// as records would have.
/// </summary>
public sealed partial class DatasetHasher
{
    private const string Format = "mlvalue.dataset.v1";
    private const int BufferSize = 16 * 1024;
    private readonly XxHash128 _hash = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;

    internal DatasetHasher(DatasetSchema schema)
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

    /// <summary>Appends a null field.</summary>
    public void AppendNull() => AppendByte(0);

    internal void AppendValue(ColumnKind kind, object? value)
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

    /// <summary>Appends a text field (null appends a null field).</summary>
    /// <param name="value">The text.</param>
    public void AppendString(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        AppendString(value.AsSpan());
    }

    /// <summary>Appends a non-null text field.</summary>
    /// <param name="value">The text.</param>
    public void AppendString(ReadOnlySpan<char> value)
    {
        AppendByte(1);
        AppendText(value);
    }

    /// <summary>Appends a non-null boolean field.</summary>
    /// <param name="value">The value.</param>
    public void AppendBoolean(bool value)
    {
        AppendByte(1);
        AppendByte(value ? (byte)1 : (byte)0);
    }

    /// <summary>Appends a non-null 32-bit integer field.</summary>
    /// <param name="value">The value.</param>
    public void AppendInt32Value(int value)
    {
        AppendByte(1);
        AppendInt32(value);
    }

    /// <summary>Appends a non-null 64-bit integer field.</summary>
    /// <param name="value">The value.</param>
    public void AppendInt64Value(long value)
    {
        AppendByte(1);
        AppendInt64(value);
    }

    /// <summary>Appends a non-null 32-bit float field (every NaN hashes as one NaN).</summary>
    /// <param name="value">The value.</param>
    public void AppendSingle(float value) => AppendInt32Value(float.IsNaN(value) ? BitConverter.SingleToInt32Bits(float.NaN) : BitConverter.SingleToInt32Bits(value));

    /// <summary>Appends a non-null 64-bit float field (every NaN hashes as one NaN).</summary>
    /// <param name="value">The value.</param>
    public void AppendDouble(double value) => AppendInt64Value(double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(value));

    /// <summary>Appends a non-null decimal field.</summary>
    /// <param name="value">The value.</param>
    public void AppendDecimal(decimal value)
    {
        // 1.0m and 1.00m are the same number: hash the shortest invariant form.
        AppendString((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture).AsSpan());
    }

    /// <summary>Appends a non-null date-time field (its ticks and kind).</summary>
    /// <param name="value">The value.</param>
    public void AppendDateTime(DateTime value)
    {
        AppendInt64Value(value.Ticks);
        AppendByte((byte)value.Kind);
    }

    /// <summary>Appends a non-null date-time-with-offset field (UTC ticks and offset).</summary>
    /// <param name="value">The value.</param>
    public void AppendDateTimeOffset(DateTimeOffset value)
    {
        AppendInt64Value(value.UtcTicks);
        AppendInt32((int)value.Offset.TotalMinutes);
    }

    internal string Finish(long rowCount)
    {
        AppendText("rows");
        AppendInt64(rowCount);
        Flush();
        return "ds-" + _hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);
    }
}
