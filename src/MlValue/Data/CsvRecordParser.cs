using System.Globalization;
using CsvHelper;

namespace MlValue.Data;

/// <summary>
/// Splits one framed CSV record (no line break at its end) into fields with CsvHelper: unquoting,
/// doubled quotes and malformed-quote detection are CsvHelper's; which record to give it is the
/// <see cref="RecordFramer"/>'s, so one bad quote cannot take the rest of a file with it.
/// </summary>
internal sealed class CsvRecordParser
{
    private readonly CsvReaderOptions _options;
    private CsvMalformedReason? _malformed;

    public CsvRecordParser()
        => _options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            TrimWhitespace = false,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
            OnMalformedRecord = r => _malformed ??= r.Reason,
        };

    /// <summary>
    /// The fields of <paramref name="record"/>, or the reason it is malformed. <paramref name="invalidField"/>
    /// is the index of the first field that is not valid UTF-8 (its text is not returned), or -1.
    /// </summary>
    public string[]? Parse(ReadOnlyMemory<byte> record, out string? malformed, out int invalidField, out string? invalidReason)
    {
        _malformed = null;
        invalidField = -1;
        invalidReason = null;
        using var reader = CsvReader.Create(record, _options);
        if (!reader.Read() || _malformed is not null)
        {
            malformed = Describe(_malformed);
            return null;
        }

        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var raw = reader.GetRawSpan(i);
            var bad = Utf8Text.FirstInvalid(raw);
            if (bad >= 0)
            {
                invalidField = i;
                invalidReason = Utf8Text.Reason(raw, bad, "the field");
                break;
            }

            fields[i] = reader.GetString(i) ?? string.Empty;
        }

        malformed = reader.Read() || _malformed is not null ? Describe(_malformed ?? CsvMalformedReason.LineBreakInQuotes) : null;
        return malformed is null ? fields : null;
    }

    private static string Describe(CsvMalformedReason? reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is not closed",
        CsvMalformedReason.TrailingEscape => "an escape character with nothing to escape",
        _ => "a line break that splits the record",
    };
}
