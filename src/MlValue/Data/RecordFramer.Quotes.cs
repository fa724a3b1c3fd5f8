namespace MlValue.Data;

/// <content>
/// Finding the end of a CSV record as RFC 4180 quotes it: a quote opens a quoted field only at the
/// start of a field, a doubled quote inside it is a quote, and a line break inside it is data.
/// </content>
internal sealed partial class RecordFramer
{
    private bool _inQuotes;
    private bool _quoteSeen;
    private bool _fieldStart;

    /// <summary>Whether the scan so far ended inside a quoted field.</summary>
    private bool InQuotes => _inQuotes && !_quoteSeen;

    private void ResetQuotes()
    {
        _inQuotes = false;
        _quoteSeen = false;
        _fieldStart = true;
    }

    /// <summary>Scans from <paramref name="pos"/> to the end of the data; returns the index of the '\n' that ends the record, or -1.</summary>
    private int ScanQuoted(ref int pos)
    {
        for (; pos < _end; pos++)
        {
            var b = _buffer[pos];
            if (_quoteSeen)
            {
                // A quote inside a quoted field: doubled, it is data; otherwise it closed the field.
                _quoteSeen = false;
                if (b == (byte)'"')
                {
                    continue;
                }

                _inQuotes = false;
            }

            if (_inQuotes)
            {
                _quoteSeen = b == (byte)'"';
                continue;
            }

            if (b == (byte)'\n')
            {
                return pos;
            }

            _inQuotes = b == (byte)'"' && _fieldStart;
            _fieldStart = b == (byte)',';
        }

        return -1;
    }
}
