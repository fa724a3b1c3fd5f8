using System.Globalization;

namespace MlValue.Data;

/// <content>
/// Reading CSV files: the header row (read again on every read, so a continued read checks rows
/// against it), then complete records from the byte offset of the checkpoint, each parsed on its own.
/// </content>
internal sealed partial class FolderDataSource<T>
{
    private FileMark ReadCsv(string file, Stream stream, FileMark mark, long length, int budget, List<T> records, List<DataReadError> errors, CancellationToken cancellationToken)
    {
        var header = ReadCsvHeader(file, stream, mark, length, errors, out var headerEnd, out var blocked);
        if (header is null)
        {
            return blocked;
        }

        if (mark.Bytes < headerEnd.Bytes)
        {
            mark = headerEnd;
        }

        var properties = header.Select(_shape.Find).ToArray();
        var framer = new RecordFramer(stream, mark.Bytes, MaxLineBytes, quoted: true);
        var parser = new CsvRecordParser();
        var lines = mark.Lines;
        var taken = 0;
        while (taken < budget && framer.TryRead(out var frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines + 1;
            lines += frame.Lines;
            if (frame.Kind == FrameKind.Record && frame.Bytes.IsEmpty)
            {
                continue;
            }

            taken++;
            var error = frame.Kind switch
            {
                FrameKind.TooLong => TooLong(file, line),
                FrameKind.UnclosedQuote => new DataReadError(file, line, null, string.Create(CultureInfo.InvariantCulture, $"malformed CSV (a quoted field opened on this line is not closed by the end of the data read, or runs over {MaxLineBytes} bytes); the line was skipped and reading went on at the next line. Close the quote, double the quotes inside it, or append a record whose quoted field holds line breaks in one write")),
                _ => null,
            };
            if (error is null)
            {
                var fields = parser.Parse(frame.Bytes, out var malformed, out var invalidField, out var invalidReason);
                if (frame.Lines > 1 && (malformed is not null || fields!.Length != header.Length))
                {
                    // A quoted field spanning lines that does not make a good record: most likely an
                    // unclosed quote that took the next lines; give up only its first line.
                    framer.ResumeAfterFirstLine();
                    lines = line;
                    malformed ??= string.Create(CultureInfo.InvariantCulture, $"{fields!.Length} fields where the header has {header.Length}");
                    error = new DataReadError(file, line, null, $"malformed CSV ({malformed}, in a quoted field that runs over the end of this line); the line was skipped and reading went on at the next line. Close the quote on its line, or double the quotes inside it");
                }
                else if (malformed is not null)
                {
                    error = new DataReadError(file, line, null, $"malformed CSV ({malformed}); the record was skipped. Quote fields that hold commas, quotes or line breaks, and double the quotes inside them");
                }
                else if (invalidField >= 0)
                {
                    error = new DataReadError(file, line, ColumnName(header, properties, invalidField), invalidReason!);
                }
                else if (fields!.Length != header.Length)
                {
                    error = new DataReadError(file, line, null, string.Create(CultureInfo.InvariantCulture, $"the record has {fields.Length} fields but the header has {header.Length}; the record was skipped. Give every row as many fields as the header, and quote fields that hold commas"));
                }
                else
                {
                    error = AddCsvRecord(file, line, fields, header, properties, records);
                }
            }

            if (error is not null)
            {
                errors.Add(error);
            }
        }

        return new FileMark { Bytes = framer.Offset, Lines = lines };
    }

    private DataReadError? AddCsvRecord(string file, long line, string[] fields, string[] header, RecordColumn?[] properties, List<T> records)
    {
        var record = new T();
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            object? value = null;
            var reason = property is null ? ValueParser.CheckLength(fields[i], _options) : ValueParser.TryParse(fields[i], property, _options, out value);
            if (reason is not null)
            {
                return new DataReadError(file, line, ColumnName(header, properties, i), reason);
            }

            property?.SetValue(record, value);
        }

        records.Add(record);
        return null;
    }

    private static string ColumnName(string[] header, RecordColumn?[] properties, int index)
        => properties[index]?.Name ?? (index < header.Length ? header[index] : string.Create(CultureInfo.InvariantCulture, $"#{index + 1}"));
}
